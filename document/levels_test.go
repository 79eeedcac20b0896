package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseHeading(t *testing.T) {
	tests := []struct {
		in     string
		level  int
		marker string
		number int
		end    int
	}{
		{"一、总体要求", 1, "一、", 1, 6},
		{"十二、其他。后文", 1, "十二、", 12, 6},
		{"（三）加强领导。各地要……", 2, "（三）", 3, 8},
		{"3.完善机制。", 3, "3.", 3, 7},
		{"（12）细则", 4, "（12）", 12, 6},
		{"1、错误写法", 0, "", 0, 0},
		{"2024年工作", 0, "", 0, 0},
		{"3.5亿元", 0, "", 0, 0},
		{"各地区要高度重视。", 0, "", 0, 0},
		{"（此件公开发布）", 0, "", 0, 0},
	}
	for _, tt := range tests {
		h := ParseHeading(tt.in)
		if h.Level != tt.level || h.Marker != tt.marker || h.Number != tt.number || (h.Level > 0 && h.SentenceEnd != tt.end) {
			t.Errorf("ParseHeading(%q) = %+v, want level %d marker %q number %d end %d", tt.in, h, tt.level, tt.marker, tt.number, tt.end)
		}
	}
}

// headingLabels are hand labels of the paragraphs numbered 一、 or （一） in ../shared/corpus/docs:
// file, marker and the first characters after it → heading (true) or numbered sentence (false).
var headingLabels = map[string]bool{
	"01_通知|一、|元旦": false, "01_通知|二、|春节": false, "01_通知|三、|清明": false, "01_通知|四、|劳动": false,
	"01_通知|五、|端午": false, "01_通知|六、|中秋": false, "01_通知|七、|国庆": false,
	"02_通知|（一）|部门": true, "02_通知|（二）|专家": true,
	"04_通知|一、|逐年": true, "04_通知|（一）|扩大": false, "04_通知|（二）|内地": false, "04_通知|二、|保证": true,
	"04_通知|（二）|国家": false, "04_通知|（三）|西藏": false, "04_通知|（四）|扩大": false,
	"04_通知|三、|加强": true, "04_通知|（一）|加强": true, "04_通知|（二）|加强": true, "04_通知|（三）|各有": false,
	"10_批复|一、|同意": false, "10_批复|二、|同意": false, "10_批复|三、|同意": false, "10_批复|四、|新疆": false,
	"11_批复|一、|主要": true, "11_批复|二、|成员": true, "11_批复|三、|工作": true, "11_批复|四、|工作": true,
	"13_批复|一、|主要": true, "13_批复|二、|组成": true, "13_批复|三、|工作": true, "13_批复|四、|工作": true,
	"19_函|一、|同意": false, "19_函|二、|气象": false, "19_函|三、|合建": false, "19_函|四、|自动": false,
	"20_函|一、|太钢": true, "20_函|二、|城市": true, "20_函|三、|有关": true,
	"21_函|一、|基本": true, "21_函|二、|地质": true, "21_函|三、|处理": true, "21_函|四、|建议": true,
	"25_报告|一、|19": true, "25_报告|二、|加强": true, "25_报告|（一）|各地": false, "25_报告|（二）|做好": true,
	"25_报告|（三）|加强": false, "25_报告|（四）|积极": true, "25_报告|（五）|鉴于": false, "25_报告|（六）|为了": false,
	"27_通报|一、|牢固": true, "27_通报|二、|建立": true, "27_通报|三、|深化": true, "27_通报|四、|加大": true,
}

// TestHeadingRule runs the heading rule (IsHeadingSentence, through ParseHeading) over the
// hand-labelled numbered paragraphs of the corpus (the 请示 23 repeats the one 04 carries).
func TestHeadingRule(t *testing.T) {
	corpus := sharedCorpus(t)
	files, _ := filepath.Glob(filepath.Join(corpus, "docs", "*.txt"))
	seen := map[string]bool{}
	right, total, heads := 0, 0, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := ImportText(f, data, builtinGenres(t))
		if err != nil {
			t.Fatal(err)
		}
		base := strings.TrimSuffix(filepath.Base(f), ".txt")
		if base == "23_请示" {
			base = "04_通知"
		}
		paras := append([]string(nil), doc.Body...)
		for _, a := range doc.Attachments {
			paras = append(paras, a.Body...)
		}
		for _, p := range paras {
			h := ParseHeading(p)
			if h.Level != 1 && h.Level != 2 {
				continue
			}
			rest := []rune(strings.TrimPrefix(strings.TrimSpace(p), h.Marker))
			key := base + "|" + h.Marker + "|" + string(rest[:min(2, len(rest))])
			want, ok := headingLabels[key]
			if !ok {
				t.Errorf("no label for %s: %.40s", key, p)
				continue
			}
			seen[key] = true
			total++
			if want {
				heads++
			}
			if got := !h.Sentence; got != want {
				t.Errorf("%s: heading = %v, want %v: %.60s", key, got, want, p)
			} else {
				right++
			}
		}
	}
	for k := range headingLabels {
		if !seen[k] {
			t.Errorf("label %s matched no paragraph", k)
		}
	}
	t.Logf("%d of %d numbered paragraphs right (%d headings)", right, total, heads)
}

// TestHeadingSentenceForms: hand-labelled paragraphs of our own, in the forms the rule weighs.
func TestHeadingSentenceForms(t *testing.T) {
	tests := []struct {
		p    string
		head bool
	}{
		{"一、总体要求", true},
		{"二、加强组织领导，明确工作责任", true},
		{"（一）加强政府的责任。各地要把这项工作列入重要议事日程。", true},
		{"（二）做好《突发事件应对法》的宣传贯彻工作。要尽快制定实施办法。", true},
		{"三、主要任务和工作要求", true},
		{"（三）健全应急管理体系。", true},
		{"一、同意撤销某某县建制，设立某某市；同意撤销某某镇。", false},
		{"二、春节：2月10日至17日放假调休，共8天。", false},
		{"（一）各有关部门要明确一位负责同志分管这项工作。", false},
		{"三、所需经费由各级财政按现行体制分级负担，不足部分由中央财政适当补助。", false},
		{"（二）国家将对承担任务的省（市）给予适当补助，支持地方改善办学条件，提高办学质量。", false},
		{"四、请你省切实加强领导，精心组织实施。", false},
		{"1.北京市大力推进外国人来华工作许可制度改革。", true},
	}
	for _, tt := range tests {
		h := ParseHeading(tt.p)
		if h.Level == 0 {
			t.Fatalf("%q: no marker", tt.p)
		}
		if got := !h.Sentence; got != tt.head {
			t.Errorf("%q: heading = %v, want %v", tt.p, got, tt.head)
		}
		if h.Sentence && h.SentenceEnd != 0 {
			t.Errorf("%q: a numbered sentence has SentenceEnd %d, want 0", tt.p, h.SentenceEnd)
		}
	}
}

// TestInlineHeadings: a run-in heading of a lower level inside a paragraph is found with its
// heading sentence; a numbered sentence inside is not.
func TestInlineHeadings(t *testing.T) {
	tests := []struct {
		p    string
		want []InlineHeading
	}{
		{"三、主要活动。（一）开展安全宣传咨询日活动。6月16日，各区县集中开展宣传。", []InlineHeading{{Level: 2, Start: 7, End: 22}}},
		{"二、工作要求：（一）加强领导。（二）明确责任。", []InlineHeading{{Level: 2, Start: 7, End: 15}, {Level: 2, Start: 15, End: 23}}},
		{"二、工作要求。（一）各地要在6月底前完成全部检查工作，并将结果报送市政府办公室。", nil},
		{"一、总体要求。二、主要任务。", nil}, // the same level is not a run-in heading of this one
	}
	for _, tt := range tests {
		got := ParseHeading(tt.p).Inline
		if len(got) != len(tt.want) {
			t.Errorf("%q: inline %v, want %v", tt.p, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%q: inline %v, want %v", tt.p, got, tt.want)
			}
		}
	}
}
