package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gongwen/document"
)

// bigDocument builds a document of about size bytes of text from the corpus's paragraphs,
// with a planted error every few paragraphs so that the rules have work to do.
func bigDocument(t testing.TB, size int) *document.Document {
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "docs", "*.txt"))
	var paras []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := importText(f, data)
		if err != nil {
			t.Fatal(err)
		}
		paras = append(paras, doc.Body...)
		for _, a := range doc.Attachments {
			paras = append(paras, a.Body...)
		}
	}
	doc := &document.Document{Title: "国务院办公厅关于做好有关工作的通知", Number: "国办发〔2024〕5号",
		Recipients: "各省、自治区、直辖市人民政府：", Date: "2024年1月5日", Issuers: []document.Issuer{{Name: "国务院办公厅"}},
		AttachmentNotes: []string{"有关名单"}}
	n := 0
	for i := 0; n < size; i++ {
		p := paras[i%len(paras)]
		if i%7 == 0 {
			p += "详见附件3,请于2024年01月05日前报送..."
		}
		doc.Body = append(doc.Body, p)
		n += len(p)
	}
	return doc
}

// TestSpeed1MB: the app checks on every keystroke, so 1 MB of text must check in under 1 s.
func TestSpeed1MB(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	doc := bigDocument(t, 1<<20)
	// best of three, so that a loaded machine does not fail the test
	var d time.Duration
	var fs []Finding
	for i := 0; i < 3; i++ {
		start := time.Now()
		fs = Run(doc, nil, Options{})
		if e := time.Since(start); i == 0 || e < d {
			d = e
		}
	}
	t.Logf("1 MB (%d paragraphs): %d findings in %v (best of 3)", len(doc.Body), len(fs), d)
	if d > time.Second {
		t.Errorf("checking 1 MB took %v, want under 1 s", d)
	}
}

func BenchmarkRun1MB(b *testing.B) {
	doc := bigDocument(b, 1<<20)
	b.SetBytes(1 << 20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Run(doc, nil, Options{})
	}
}

func BenchmarkRunTypicalDocument(b *testing.B) {
	doc := bigDocument(b, 8<<10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Run(doc, nil, Options{})
	}
}

// TestSpeedPathological: one huge paragraph full of findings stays linear (no O(n²) offsets).
func TestSpeedPathological(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	for name, p := range map[string]string{
		"commas":   strings.Repeat("测试,", 1<<20/7),
		"quotes":   strings.Repeat("测\"试", 1<<20/7),
		"brackets": strings.Repeat("（测", 1<<20/6),
		"spaces":   strings.Repeat("测 试。", 1<<20/10),
	} {
		d := &document.Document{Title: "关于某事的通知", Body: []string{p}}
		var el time.Duration
		var fs []Finding
		for i := 0; i < 2; i++ {
			start := time.Now()
			fs = Run(d, nil, Options{})
			if e := time.Since(start); i == 0 || e < el {
				el = e
			}
		}
		t.Logf("%s: 1 MB paragraph, %d findings in %v", name, len(fs), el)
		if el > 3*time.Second {
			t.Errorf("%s: %v for 1 MB", name, el)
		}
	}
}
