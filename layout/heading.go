package layout

import "gongwen/document"

// Headings in the 正文 (7.3.3): level 1 in 黑体, level 2 in 楷体, only the heading sentence;
// which stretches take a heading face is decided over the siblings by
// document.HeadingFaces, the same for the DOCX writer.

// bodyPara sets one 正文 paragraph: indented two characters, its heading stretches (spans,
// from document.HeadingFaces) in 黑体 (level 1) or 楷体 (level 2), run-in ones included.
func (s *setter) bodyPara(text string, spans []document.FaceSpan) para {
	p := plain(text, FangSong, ElemBody)
	p.first = 2 * CharPitch
	for _, sp := range spans {
		role, elem := Hei, ElemHeading1
		if sp.Level == 2 {
			role, elem = Kai, ElemHeading2
		}
		rid, eid := idOfRole(role), idOfElem(elem)
		for i := max(sp.Start, 0); i < sp.End && i < len(p.rs); i++ {
			p.roles[i], p.elems[i] = rid, eid
		}
	}
	return p
}

// headingLine reports whether a paragraph opens with a heading sentence in its level's face
// (a heading alone on its line when the paragraph takes one line).
func headingLine(text string, spans []document.FaceSpan) bool {
	return document.OpensWithHeading(text, spans)
}

// headingLevel is the level of the heading a paragraph opens with, 0 when it opens with none.
func headingLevel(text string, spans []document.FaceSpan) int {
	if !document.OpensWithHeading(text, spans) {
		return 0
	}
	return spans[0].Level
}
