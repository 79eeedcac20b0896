package check

import (
	"testing"

	"gongwen/document"
)

// TestNumberDateQuiet: forms the number, date and citation rules must leave alone.
func TestNumberDateQuiet(t *testing.T) {
	n, pf := baseNotice, baseReply
	body := func(i int, s string) func(d *document.Document) { return func(d *document.Document) { d.Body[i] = s } }
	cases := []struct {
		rule, name string
		base       func() *document.Document
		mutate     func(d *document.Document)
	}{
		{"pifu-citation", "subject without 《》 (国函〔2018〕80号)", pf, body(0, "你部关于设立“中国农民丰收节”的请示收悉。同意自2018年起，将每年农历秋分设立为“中国农民丰收节”。")},
		{"pifu-citation", "province", pf, body(0, "你省关于调整某某市部分行政区划的请示收悉。现批复如下：")},
		{"pifu-citation", "title and number", pf, body(0, "你县《关于修建某某大桥的请示》（某政〔2024〕12号）收悉。现批复如下：")},
		{"space-in-number", "placeholder date", n, body(7, "请于　　年　月　日前报送。")},
		{"space-in-number", "solid date", n, body(7, "汛期自2024年6月1日起实行24小时值班。")},
		{"space-in-number", "grouped digits", n, body(7, "全市安排防汛资金12 000万元。")},
		{"space-in-number", "words around a date", n, body(7, "汛期自 2024年6月1日 起实行24小时值班。")},
		{"number-brackets", "pre-1988 form: number-format's", n, func(d *document.Document) { d.Number = "（78）交公路字412号" }},
		{"number-year", "pre-1988 form: number-format's", n, func(d *document.Document) { d.Number = "（78）交公路字412号" }},
		{"number-brackets", "tortoise shell", n, func(d *document.Document) { d.Number = "浙政发〔1996〕173号" }},
		{"date-chinese-numerals", "arabic", n, func(d *document.Document) { d.Date = "2018年11月19日" }},
	}
	for _, c := range cases {
		t.Run(c.rule+"/"+c.name, func(t *testing.T) {
			d := c.base()
			c.mutate(d)
			for _, f := range findingsOf(Run(d, nil, Options{}), c.rule) {
				t.Errorf("unexpected %s: %q (%s)", f.Rule, f.Text, f.Message)
			}
		})
	}
}

// TestLegacyBracketsFinding: the finding on 浙政发〖1996〗173号 quotes exactly the bracketed
// year, in the number and in the body where an importer left it, and its fix gives 〔1996〕.
func TestLegacyBracketsFinding(t *testing.T) {
	for _, num := range []string{"浙政发〖1996〗173号", "浙政发〖 1996 〗173号"} {
		d := baseNotice()
		d.Number = num
		fs := findingsOf(Run(d, nil, Options{Only: []string{"number-brackets"}}), "number-brackets")
		if len(fs) != 1 {
			t.Fatalf("%s: %d number-brackets findings, want 1", num, len(fs))
		}
		want := num[len("浙政发") : len(num)-len("173号")]
		if fs[0].Text != want || fs[0].Fix != "〔1996〕" {
			t.Errorf("%s: text %q fix %q, want %q → 〔1996〕", num, fs[0].Text, fs[0].Fix, want)
		}
		FixAll(d, fs)
		if d.Number != "浙政发〔1996〕173号" {
			t.Errorf("%s fixed to %q", num, d.Number)
		}
	}
	// cited in the body
	d := baseNotice()
	d.Body[0] = "根据《某某办法》（浙政发〖1996〗173号）规定，现通知如下："
	fs := findingsOf(Run(d, nil, Options{}), "citation-number-brackets")
	if len(fs) != 1 || fs[0].Text != "〖1996〗173号" || fs[0].Fix != "〔1996〕173号" {
		t.Errorf("citation: %+v", fs)
	}
}

// TestChineseDateFix: every way people write 〇 in a Chinese-numeral 成文日期 gets the
// mechanical fix to Arabic numerals, and after FixAll no date finding is left.
func TestChineseDateFix(t *testing.T) {
	for _, in := range []string{
		"二〇一八年十一月十九日", "二○一八年十一月十九日", "二◯一八年十一月十九日", "二O一八年十一月十九日",
		"二o一八年十一月十九日", "二0一八年十一月十九日", "二０一八年十一月十九日", "二Ｏ一八年十一月十九日",
		"二零一八年十一月十九日", "二〇一八年 十一月 十九日",
	} {
		d := baseNotice()
		d.Date = in
		d.Number = "某政办发〔2018〕5号"
		d.PrintDate = "2018年11月19日"
		fs := Run(d, nil, Options{})
		got := findingsOf(fs, "date-chinese-numerals")
		if len(got) != 1 || got[0].Fix != "2018年11月19日" || !got[0].HasFix {
			t.Errorf("%s: %+v", in, got)
			continue
		}
		FixAll(d, fs)
		if d.Date != "2018年11月19日" {
			t.Errorf("%s fixed to %q", in, d.Date)
		}
	}
}
