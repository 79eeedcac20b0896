package docx

import (
	"strings"
	"testing"

	"gongwen/document"
)

func TestStopBetweenRuns(t *testing.T) {
	b := newBuilder(&document.Document{}, fontSet{roleFang: same("仿宋"), roleHei: same("黑体")}, Options{})
	got := b.p(para{runs: []string{b.run("一、2024", hei3), b.run("年工作", body3), b.run("要点", body3), b.tabRun(body3), b.run("5号", body3)}})
	lo := parseLO(t, "p", `<w:document xmlns:w="`+nsW+nsMCE+`">`+got+`</w:document>`)
	_, m := paraText(lo.all("p")[0])
	if want := "一、2024" + stop + "年工作要点\t5" + stop + "号"; m != want {
		t.Errorf("LibreOffice reads %q, want %q", m, want)
	}
	w := parse(t, "p", `<w:document xmlns:w="`+nsW+nsMCE+`">`+got+`</w:document>`)
	if v, m := paraText(w.all("p")[0]); v != "一、2024年工作要点\t5号" || m != v {
		t.Errorf("Word reads %q (%q)", v, m)
	}
}

func TestLoKernAt(t *testing.T) {
	tests := []struct {
		a, b rune
		want bool
	}{
		{'2', '号', true},  // digit → hanzi
		{'年', '3', true},  // hanzi → digit
		{'T', '标', true},  // Latin letter → hanzi
		{'〕', '5', false}, // bracket: not a letter or digit
		{'5', '〕', false},
		{'，', '2', false},
		{'2', '0', false}, // same script
		{'中', '文', false},
		{'１', '号', false}, // fullwidth digit is Asian script
		{'2', ' ', false},
		{'あ', 'A', true}, // kana is Asian
	}
	for _, tt := range tests {
		if got := loKernAt(tt.a, tt.b); got != tt.want {
			t.Errorf("loKernAt(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// stop marks an empty field (loStop) in paraText's marked text.
const stop = "[field]"

// withStops marks where LibreOffice must find a stop in s.
func withStops(s string) string {
	rn := []rune(s)
	var b strings.Builder
	for i, r := range rn {
		b.WriteRune(r)
		if i+1 < len(rn) && loKernAt(r, rn[i+1]) {
			b.WriteString(stop)
		}
	}
	return b.String()
}

// paraText returns the text of a paragraph's runs, and the same text with each field that
// has no result marked as stop and hidden runs in brackets.
func paraText(p node) (visible, marked string) {
	var v, m strings.Builder
	for _, r := range p.all("r") {
		hidden := false
		if rpr, ok := r.child("rPr"); ok {
			_, hidden = rpr.child("vanish")
		}
		for _, c := range r.Nodes {
			text := c.Text
			switch c.XMLName.Local {
			case "t":
			case "tab":
				text = "\t"
			case "br":
				text = "\n"
			case "fldChar":
				if c.attr("fldCharType") == "begin" {
					m.WriteString("[field")
				} else if c.attr("fldCharType") == "end" {
					m.WriteString("]")
				}
				continue
			case "instrText":
				if c.Text != ` QUOTE "" ` {
					m.WriteString(c.Text)
				}
				continue
			default:
				continue
			}
			if hidden {
				m.WriteString("[" + text + "]")
				continue
			}
			v.WriteString(text)
			m.WriteString(text)
		}
	}
	return v.String(), m.String()
}

// TestWordAndLibreOfficeViews reads every sample's and example's parts once as Word/WPS do and once as
// LibreOffice's importer does: Word sees w:overflowPunct="0", autoSpaceDE/DN="0" and the
// text exactly as typed; LibreOffice sees w:overflowPunct="1" (its "no hanging
// punctuation") and an empty field (no character) at every hanzi/Latin boundary where it would
// otherwise kern, and nothing else differs: no hidden run, no character the document does
// not have.
func TestWordAndLibreOfficeViews(t *testing.T) {
	for name, doc := range officeDocs(t, repoRoot(t)) {
		ps := parts(t, doc, Options{})
		for pn, s := range ps {
			if !strings.HasPrefix(pn, "word/") || !strings.HasSuffix(pn, ".xml") {
				continue
			}
			word, lo := parse(t, pn, s), parseLO(t, pn, s)
			if strings.Contains(s, "mc:AlternateContent") && !strings.Contains(s, `xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"`) {
				t.Errorf("%s: %s: alternate content requires w15 but the part does not declare it", name, pn)
			}
			for view, root := range map[string]node{"word": word, "lo": lo} {
				want := "0"
				if view == "lo" {
					want = "1"
				}
				pprs := root.all("pPr")
				if pn == "word/styles.xml" {
					// named styles inherit these from Normal; the defaults and Normal carry them
					pprs = nil
					for _, d := range root.all("pPrDefault") {
						pprs = append(pprs, d.all("pPr")...)
					}
					for _, st := range root.all("style") {
						if st.attr("styleId") == "Normal" {
							pprs = append(pprs, st.all("pPr")...)
						}
					}
					if len(pprs) != 2 {
						t.Errorf("%s: styles: %d default/Normal paragraph properties, want 2", name, len(pprs))
					}
				}
				for _, ppr := range pprs {
					op, ok := ppr.child("overflowPunct")
					if !ok || op.attr("val") != want {
						t.Errorf("%s: %s: %s view: pPr without w:overflowPunct w:val=%q", name, pn, view, want)
					}
					for _, el := range []string{"autoSpaceDE", "autoSpaceDN"} {
						if c, ok := ppr.child(el); !ok || c.attr("val") != "0" {
							t.Errorf("%s: %s: %s view: pPr without w:%s w:val=\"0\"", name, pn, view, el)
						}
					}
				}
			}
			if pn != "word/document.xml" {
				continue
			}
			wps, lps := word.all("p"), lo.all("p")
			if len(wps) != len(lps) {
				t.Fatalf("%s: %d paragraphs for Word, %d for LibreOffice", name, len(wps), len(lps))
			}
			stops := 0
			for i := range wps {
				wv, wm := paraText(wps[i])
				if wv != wm {
					t.Errorf("%s: Word sees hidden text or a field in %q", name, wm)
				}
				if bad := invisible(wv); bad != "" {
					t.Errorf("%s: Word sees invisible characters %s in %q", name, bad, wv)
				}
				lv, lm := paraText(lps[i])
				if lv != wv {
					t.Errorf("%s: text differs: Word %q, LibreOffice %q", name, wv, lv)
				}
				stops += strings.Count(lm, stop)
				if strings.Count(lm, "[") != strings.Count(lm, stop) {
					t.Errorf("%s: LibreOffice sees hidden text or a field other than the empty stop: %q", name, lm)
				}
				// no boundary left where LibreOffice kerns, inside a run or between runs
				rn := []rune(strings.ReplaceAll(lm, stop, "|"))
				for j := 0; j+1 < len(rn); j++ {
					if loKernAt(rn[j], rn[j+1]) {
						t.Errorf("%s: LibreOffice kerns between %q and %q in %q", name, rn[j], rn[j+1], lm)
					}
				}
			}
			if doc.Number == "" {
				continue
			}
			if stops == 0 {
				t.Errorf("%s: no stop although the number %q has a digit before 号", name, doc.Number)
			}
			// the 发文字号 as typed for Word, with the stop before 号 for LibreOffice
			wantLO := withStops(doc.Number)
			foundW, foundLO := false, false
			for i := range wps {
				wv, _ := paraText(wps[i])
				_, lm := paraText(lps[i])
				foundW = foundW || strings.Contains(wv, doc.Number)
				foundLO = foundLO || strings.Contains(lm, wantLO)
			}
			if !foundW || !foundLO {
				t.Errorf("%s: number %q: as typed for Word %v, %q for LibreOffice %v", name, doc.Number, foundW, wantLO, foundLO)
			}
		}
	}
}
