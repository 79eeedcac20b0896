package pdf

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/signintech/gopdf"
)

// TestGopdfStreamingPatch covers the streaming added to gopdf (third_party/gopdf/GONGWEN.md)
// beyond what the Writer uses: a page drawn on after FlushPage gets a second content stream
// (a valid /Contents array), SetPage is refused while streaming, and FinishStream runs once.
func TestGopdfStreamingPatch(t *testing.T) {
	var b bytes.Buffer
	gp := &gopdf.GoPdf{}
	gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	if err := gp.StreamTo(&b); err != nil {
		t.Fatal(err)
	}
	if err := gp.StreamTo(&b); err == nil {
		t.Error("StreamTo twice: want an error")
	}
	gp.AddPage()
	gp.Line(10, 10, 100, 100)
	if err := gp.FlushPage(); err != nil {
		t.Fatal(err)
	}
	gp.Line(20, 20, 200, 200) // drawn after the flush: a second stream of page 1
	gp.AddPage()
	gp.Line(30, 30, 300, 300)
	if err := gp.SetPage(1); err == nil {
		t.Error("SetPage while streaming: want an error")
	}
	if _, err := gp.WriteTo(&bytes.Buffer{}); err == nil {
		t.Error("WriteTo while streaming: want an error")
	}
	if _, err := gp.FinishStream(); err != nil {
		t.Fatal(err)
	}
	n := b.Len()
	if _, err := gp.FinishStream(); err == nil || b.Len() != n {
		t.Errorf("FinishStream twice: err %v, %d bytes more", err, b.Len()-n)
	}
	if !bytes.Contains(b.Bytes(), []byte("/Contents [")) {
		t.Error("page 1's two content streams are not written as an array")
	}
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b.Bytes()), conf); err != nil {
		t.Errorf("pdfcpu validate: %v", err)
	}
	if n, err := api.PageCount(bytes.NewReader(b.Bytes()), conf); err != nil || n != 2 {
		t.Errorf("%d pages (%v), want 2", n, err)
	}
}
