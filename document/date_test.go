package document

import "testing"

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"2024年1月5日", Date{Year: 2024, Month: 1, Day: 5, Style: "年月日"}, false},
		{"2024年01月05日", Date{Year: 2024, Month: 1, Day: 5, Padded: true, Style: "年月日"}, false},
		{"2024年12月31日", Date{Year: 2024, Month: 12, Day: 31, Style: "年月日"}, false},
		{"2024-01-05", Date{Year: 2024, Month: 1, Day: 5, Padded: true, Style: "-"}, false},
		{"2024.1.5", Date{Year: 2024, Month: 1, Day: 5, Style: "."}, false},
		{"2024/1/5", Date{Year: 2024, Month: 1, Day: 5, Style: "/"}, false},
		{"二〇二四年一月五日", Date{Year: 2024, Month: 1, Day: 5, Chinese: true, Style: "年月日"}, false},
		{"二○二四年元月五日", Date{Year: 2024, Month: 1, Day: 5, Chinese: true, Style: "年月日"}, false},
		{"二〇一二年十二月三十一日", Date{Year: 2012, Month: 12, Day: 31, Chinese: true, Style: "年月日"}, false},
		{"二〇一二年三月二十日", Date{Year: 2012, Month: 3, Day: 20, Chinese: true, Style: "年月日"}, false},
		{"二〇二四年二月二十九日", Date{Year: 2024, Month: 2, Day: 29, Chinese: true, Style: "年月日"}, false},
		{"２０２４年１月５日", Date{Year: 2024, Month: 1, Day: 5, FullWidth: true, Style: "年月日"}, false},
		{" 2024年1月5日　", Date{Year: 2024, Month: 1, Day: 5, Style: "年月日"}, false},
		{"2000年2月29日", Date{Year: 2000, Month: 2, Day: 29, Style: "年月日"}, false},
		{"2024年2月30日", Date{}, true},
		{"1900年2月29日", Date{}, true},
		{"2023-02-29", Date{}, true},
		{"2024年4月31日", Date{}, true},
		{"2024年13月1日", Date{}, true},
		{"2024年0月1日", Date{}, true},
		{"2024年1月0日", Date{}, true},
		{"2024年1月", Date{}, true},
		{"2024年1月5日印发", Date{}, true},
		{"24年1月5日", Date{}, true},
		{"二〇二四年十三月一日", Date{}, true},
		{"二〇二四年一月三十二日", Date{}, true},
		{"二〇二四年元元月五日", Date{}, true},
		{"二〇二四年一月元日", Date{}, true},
		{"2024-1", Date{}, true},
		{"2024-a-5", Date{}, true},
		{"", Date{}, true},
		{"XX年X月X日", Date{}, true},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v, err %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil && got.String() != "2024年1月5日" && tt.want.Year == 2024 && tt.want.Month == 1 && tt.want.Day == 5 {
			t.Errorf("String() = %q", got.String())
		}
		if err == nil && !got.Valid() {
			t.Errorf("ParseDate(%q) returned an invalid date", tt.in)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024年1月5日", "2024-01-05", "二〇二四年元月五日", "二○二四年十二月三十一日", "2024.2.30", "２０２４年１月５日", "年月日", "9999/12/31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %+v: not a valid date", s, d)
		}
		// The canonical form reads back as the same day.
		d2, err := ParseDate(d.String())
		if err != nil || d2.Year != d.Year || d2.Month != d.Month || d2.Day != d.Day {
			t.Fatalf("ParseDate(%q) = %+v; String %q reads back %+v, %v", s, d, d.String(), d2, err)
		}
	})
}
