// Package app is Gongwen's desktop application (Fyne): the start page (new document by
// genre, open, import, recent files), the guided form generated from the genre template,
// live findings with one-click fixes, a live paginated preview painted from the same pages
// as the PDF (with the trainer's 讲解模式), export to PDF, DOCX and PNG, drafts with
// autosave and recovery, and a Chinese UI with English available.
//
// Model (model.go) holds the session's state and logic without widgets, so tests drive it
// directly; UI (ui.go and the files it builds on) puts widgets over it. backend.go is the
// only door to the pipeline packages. This is the only package that imports Fyne.
package app
