"""Packagers: the published course as one file to hand on (an offline copy; later SCORM and cmi5)."""
