// The words Decap's own Norwegian catalog (nb_no) lacks, so the forms read Norwegian throughout:
// added where the catalog has nothing, never replacing what it has.
(function () {
  "use strict";
  var missing = {
    editor: {
      editorWidgets: {
        markdown: {
          bold: "Fet", italic: "Kursiv", strikethrough: "Gjennomstreking", code: "Kode", link: "Lenke",
          linkPrompt: "Skriv inn adressen lenken skal gå til", headings: "Overskrifter", quote: "Sitat",
          bulletedList: "Punktliste", numberedList: "Nummerert liste", addComponent: "Legg til komponent",
          toggleMode: { rich: "Bytt til rik tekst", markdown: "Bytt til Markdown" }
        },
        file: {
          chooseUrl: "Sett inn fra en adresse", chooseMultiple: "Velg filer", replaceUrl: "Bytt til en adresse",
          promptUrl: "Skriv inn adressen til filen", addMore: "Legg til flere filer", removeAll: "Fjern alle filene"
        },
        list: { add: "Legg til %{item}", addType: "Legg til %{item}" },
        object: { expand: "Vis", collapse: "Skjul" }
      }
    }
  };
  function fill(into, from) {
    Object.keys(from).forEach(function (key) {
      if (from[key] && typeof from[key] === "object") {
        into[key] = fill(into[key] || {}, from[key]);
      } else if (!(key in into)) {
        into[key] = from[key];
      }
    });
    return into;
  }
  window.CMS.registerLocale("nb_no", fill(window.CMS.getLocale("nb_no") || {}, missing));
})();
