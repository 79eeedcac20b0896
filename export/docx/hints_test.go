package docx

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"gongwen/layout"
)

// TestSealPlaceholders: where the PDF draws a dashed circle for a seal without image (the
// 联合行文 example has three issuers and no seal files), the DOCX has a dashed red ellipse of
// the engine's size at the engine's place on the page.
func TestSealPlaceholders(t *testing.T) {
	d := officeDocs(t, repoRoot(t))["example-lianhe"]
	res, err := runLayout(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, r := range res.Records {
		if r.Element == layout.ElemSeal {
			want = append(want, fmt.Sprintf("%d,%d,%d", emu(r.X), emu(r.Y), emu(r.W)))
		}
	}
	if len(want) != 3 {
		t.Fatalf("the engine placed %d seals, want 3", len(want))
	}
	doc := parts(t, d, Options{Layout: res})["word/document.xml"]
	re := regexp.MustCompile(`<wp:positionH relativeFrom="page"><wp:posOffset>(\d+)</wp:posOffset></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>(\d+)</wp:posOffset></wp:positionV><wp:extent cx="(\d+)"[^>]*>.*?prst="ellipse".*?<a:srgbClr val="` + red + `"/></a:solidFill><a:prstDash val="dash"/>`)
	var got []string
	for _, m := range re.FindAllStringSubmatch(doc, -1) {
		got = append(got, strings.Join(m[1:], ","))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("placeholders %v, want %v", got, want)
	}
	parse(t, "document.xml", doc)
}
