package document

import "testing"

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
