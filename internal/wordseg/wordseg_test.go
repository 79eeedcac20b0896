package wordseg

import (
	"runtime"
	"strings"
	"sync"
	"testing"
)

func cutAt(s string, b []bool) string {
	rs := []rune(s)
	var out strings.Builder
	for i, r := range rs {
		if i > 0 && b[i] {
			out.WriteByte('/')
		}
		out.WriteRune(r)
	}
	return out.String()
}

func TestBoundaries(t *testing.T) {
	tests := []struct {
		in    string
		extra []string
		want  string
	}{
		{"宁波市审计局关于财政收支的审计工作报告", nil, "宁波市/审计局/关于/财政收支/的/审计工作/报告"},
		{"中共浙江省体育局党组关于巡视整改情况的通报", nil, "中共/浙江省/体育局/党组/关于/巡视/整改/情况/的/通报"},
		{"上海市虹口区人民政府关于调整四川北路街道行政区划的请示", nil, "上海市/虹口区/人民政府/关于/调整/四川北路/街道/行政区划/的/请示"},
		// a name of the document's own (the dictionary does not know it) stays whole
		{"鹤泉县黎堡乡人民政府关于申请调整的请示", []string{"鹤泉县黎堡乡人民政府"}, "鹤泉县黎堡乡人民政府/关于/申请/调整/的/请示"},
		// digits and Latin letters stay together
		{"关于2024年GB9704培训的通知", nil, "关于/2024/年/GB9704/培训/的/通知"},
	}
	for _, tt := range tests {
		if got := cutAt(tt.in, Boundaries([]rune(tt.in), tt.extra)); got != tt.want {
			t.Errorf("Boundaries(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestWordsJoinBack(t *testing.T) {
	s := "国务院关于同意乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的批复"
	if got := strings.Join(Words(s), ""); got != s {
		t.Errorf("Words joined = %q, want %q", got, s)
	}
}

// The first title costs the process less than 2 MB of heap: the dictionary stays in the
// binary's read-only data (loading it into gse took 17 MB of heap and 0.15-0.3 s).
func TestDictionaryMemory(t *testing.T) {
	lineStart, totalFreq, indexOnce = nil, 0, sync.Once{} // as in a new process
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	got := strings.Join(Words("关于调整行政区划的请示"), "/")
	runtime.GC()
	runtime.ReadMemStats(&after)
	grew := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	t.Logf("first cut: %.2f MB of heap kept", float64(grew)/(1<<20))
	if got != "关于/调整/行政区划/的/请示" {
		t.Errorf("cut %s", got)
	}
	if grew > 2<<20 {
		t.Errorf("the first cut keeps %.1f MB of heap", float64(grew)/(1<<20))
	}
}

// BenchmarkIndex: the once-per-process cost of the line index of dict.txt (gse's HMM model
// is loaded apart, only when a cut needs it: BenchmarkLoadHMM).
func BenchmarkIndex(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lineStart, totalFreq = nil, 0
		index()
	}
}

// BenchmarkLoadHMM: loading gse's hidden Markov model, once a process whose titles need it.
func BenchmarkLoadHMM(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadHMM()
	}
}

// BenchmarkBoundariesTitle: one long title, as the line breaker asks for it again and again.
func BenchmarkBoundariesTitle(b *testing.B) {
	rs := []rune("国务院关于同意乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的批复")
	Boundaries(rs, nil)
	b.ReportAllocs()
	for b.Loop() {
		Boundaries(rs, []string{"国务院"})
	}
}

// BenchmarkWordsNewTitle: a title not cut before (gse's dictionary of its words built anew).
func BenchmarkWordsNewTitle(b *testing.B) {
	s := "国务院关于同意乌鲁木齐、昌吉、石河子高新技术产业开发区建设国家自主创新示范区的批复"
	Words(s)
	b.ReportAllocs()
	for b.Loop() {
		cacheMu.Lock()
		clear(cache)
		cacheMu.Unlock()
		Words(s)
	}
}
