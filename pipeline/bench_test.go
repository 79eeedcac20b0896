package pipeline

import (
	"testing"

	"gongwen/document"
	"gongwen/templates"
)

// BenchmarkLoadTemplates: the built-ins parsed from their YAML and the user's folder (empty
// here) validated over them by LoadTemplates. A process no longer parses the built-ins: it
// takes them from templates/builtin_table.go (0.15-0.5 ms, 124 KB: templates.BenchmarkBuiltinsTable)
// unless that table is stale.
func BenchmarkLoadTemplates(b *testing.B) {
	b.ReportAllocs()
	dir := b.TempDir()
	for i := 0; i < b.N; i++ {
		if _, errs := templates.Load(templates.LoadOptions{NoUserDir: true}); len(errs) > 0 {
			b.Fatal(errs)
		}
		opts := TemplateOptions(dir, false)
		opts.Builtins = templates.Builtins()
		if _, errs := templates.Load(opts); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkLoadTemplatesValidated: the built-ins parsed and validated with TemplateOptions,
// which LoadTemplates did in every process besides the checker's parse (now only the tests
// and gwcli templates lint).
func BenchmarkLoadTemplatesValidated(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		opts := TemplateOptions(b.TempDir(), false)
		opts.NoUserDir = true
		if _, errs := templates.Load(opts); len(errs) > 0 {
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
