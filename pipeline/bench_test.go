package pipeline

import (
	"testing"

	"gongwen/document"
)

// BenchmarkLoadTemplates: the built-in templates loaded with the pipeline's validation (what
// every gwcli command that reads a draft pays once).
func BenchmarkLoadTemplates(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, errs := LoadTemplates(b.TempDir()); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkPrepare: genre resolution, the copy and the generation step of the 整改方案 example.
func BenchmarkPrepare(b *testing.B) {
	doc, err := document.Load("../examples/zhenggai.yaml")
	if err != nil {
		b.Fatal(err)
	}
	p := &Pipeline{}
	p.Prepare(doc, "")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p.Prepare(doc, "")
	}
}
