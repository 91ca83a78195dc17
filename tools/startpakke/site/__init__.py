"""The course as a static site: render the model to Markdown pages and a nav, publish with MkDocs."""
