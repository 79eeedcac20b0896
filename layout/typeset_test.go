package layout

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gongwen/document"
)

const um = Length(1) // tolerance unit

func near(a, b, tol Length) bool { return a-b <= tol && b-a <= tol }

// sampleDoc is a 下行文 built in code.
func sampleDoc(paras int) *document.Document {
	d := &document.Document{
		Format:     document.FormatFile,
		Direction:  document.DirectionDown,
		CopyNumber: "000001",
		Issuers:    []document.Issuer{{Name: "某某市人民政府"}},
		MarkSuffix: "文件",
		Number:     "某政发〔2024〕5号",
		Title:      "某某市人民政府关于做好2024年防汛抗旱工作的通知",
		Recipients: "各区县人民政府，市政府各部门：",
		SignOff:    document.SignOffNoSeal,
		Date:       "2024年1月5日",
		CC:         "市委办公室，市人大常委会办公室。",
		Printer:    "某某市人民政府办公室",
		PrintDate:  "2024年1月5日",
	}
	for i := 0; i < paras; i++ {
		switch i % 4 {
		case 0:
			d.Body = append(d.Body, fmt.Sprintf("%s、加强组织领导。各地要落实防汛抗旱行政首长负责制，层层压实责任，确保各项措施落实到位。", cnNum(i/4+1)))
		default:
			d.Body = append(d.Body, "汛期将至，各地要立即组织开展汛前检查，重点检查水库、堤防、山洪灾害易发区和城市易涝点，发现隐患及时整改，2024年5月31日前完成全部整改任务，确保安全度汛。")
		}
	}
	return d
}

func cnNum(n int) string {
	ds := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return ds[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + ds[n-10]
	case n%10 == 0:
		return ds[n/10] + "十"
	}
	return ds[n/10] + "十" + ds[n%10]
}

func typeset(t testing.TB, d *document.Document) []Page {
	t.Helper()
	pages, err := Typeset(d, Options{Warn: func(m string) { t.Errorf("warning: %s", m) }})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func texts(p Page, e Element) []Text {
	var out []Text
	for _, t := range p.Texts {
		if t.Element == e {
			out = append(out, t)
		}
	}
	return out
}

func rules(p Page, e Element) []Rule {
	var out []Rule
	for _, r := range p.Rules {
		if r.Element == e {
			out = append(out, r)
		}
	}
	return out
}

// lineEnd is the right edge of a text run.
func lineEnd(fs *Fonts, t Text) Length {
	rs := []rune(t.S)
	f, err := fs.Face(t.Font)
	if err != nil {
		return t.X[len(t.X)-1]
	}
	adv := f.Advance(rs[len(rs)-1], t.Size)
	return t.X[len(t.X)-1] + Length(float64(adv)*float64(CharPitch)/float64(Hao(3))+0.5)
}

func TestFileFormatGeometry(t *testing.T) {
	pages := typeset(t, sampleDoc(12))
	p1 := pages[0]
	mark := texts(p1, ElemMark)
	if len(mark) != 1 {
		t.Fatalf("want one mark text, got %d", len(mark))
	}
	if top := mark[0].Y - emAscent(mark[0].Size); !near(top, Mm(72), 2*um) {
		t.Errorf("mark em top at %v, want 72 mm", top)
	}
	if mark[0].Color != Red || mark[0].Font != "xiaobiaosong" {
		t.Errorf("mark colour %v font %s, want red xiaobiaosong", mark[0].Color, mark[0].Font)
	}
	if mark[0].Size > Mm(22) {
		t.Errorf("mark size %v over the cap", mark[0].Size)
	}
	// the number: two blank lines below the mark, centred
	num := texts(p1, ElemNumber)[0]
	markBottom := mark[0].Y - emAscent(mark[0].Size) + mark[0].Size
	numTop := num.Y - emAscent(num.Size)
	if want := markBottom + 2*LinePitch + (LinePitch-num.Size)/2; !near(numTop, want, 2*um) {
		t.Errorf("number em top %v, want %v", numTop, want)
	}
	// the separator: 4 mm below the number's em bottom, 0.5 mm, red, the 版心's width
	sep := rules(p1, ElemSeparator)
	if len(sep) != 1 {
		t.Fatalf("want one separator, got %d", len(sep))
	}
	s := sep[0]
	if top := s.Y0 - s.Width/2; !near(top, numTop+num.Size+Mm(4), 2*um) {
		t.Errorf("separator top %v, want 4 mm below the number (%v)", top, numTop+num.Size)
	}
	if s.X0 != MarginLeft || s.X1 != MarginLeft+BodyWidth || s.Width != Mm(0.5) || s.Color != Red {
		t.Errorf("separator %+v", s)
	}
	// 份号 on line 1, flush left
	cn := texts(p1, ElemCopyNumber)[0]
	if cn.X[0] != MarginLeft || cn.Y != MarginTop+baselineIn(Hao(3)) {
		t.Errorf("份号 at %v,%v", cn.X[0], cn.Y)
	}
	// body lines on the slot baselines, full lines justified to 184 mm
	fs := DefaultFonts()
	for pi, p := range pages {
		for _, tx := range p.Texts {
			if tx.Element != ElemBody && tx.Element != ElemHeading1 {
				continue
			}
			off := tx.Y - MarginTop - baselineIn(Hao(3))
			k := math.Round(float64(off) / (float64(BodyHeight) / 22))
			if !near(off, slotTop(int(k)), 2*um) {
				t.Errorf("page %d: body line %q baseline %v off the grid", pi+1, tx.S, tx.Y)
			}
			if tx.Size != Hao(3) {
				t.Errorf("body size %v", tx.Size)
			}
		}
	}
	full := 0
	for _, p := range pages {
		for _, tx := range texts(p, ElemBody) {
			if tx.X[0] == MarginLeft && len(tx.X) > 20 {
				if e := lineEnd(fs, tx); near(e, MarginLeft+BodyWidth, 100*um) {
					full++
				}
			}
		}
	}
	if full < 5 {
		t.Errorf("only %d justified full lines reach 184 mm", full)
	}
	// page numbers
	last := pages[len(pages)-1]
	if len(pages)%2 != 0 {
		t.Errorf("%d pages: the 版记 page must be even", len(pages))
	}
	for i, p := range pages {
		pn := texts(p, ElemPageNumber)
		if p.Number == 0 {
			if len(pn) != 0 {
				t.Errorf("page %d: unnumbered page prints %q", i+1, pn[0].S)
			}
			continue
		}
		if len(pn) != 1 || pn[0].S != fmt.Sprintf("— %d —", i+1) || pn[0].Font != "song" || pn[0].Size != Hao(4) {
			t.Fatalf("page %d: page number %+v", i+1, pn)
		}
		x := pn[0]
		if (i+1)%2 == 1 {
			if e := lineEnd(fs, x); !near(e, MarginLeft+BodyWidth-CharPitch, 100*um) {
				t.Errorf("odd page number ends at %v, want one char in from the right", e)
			}
		} else if x.X[0] != MarginLeft+CharPitch {
			t.Errorf("even page number starts at %v, want one char in", x.X[0])
		}
		if centre := x.Y - x.Size*38/100; !near(centre, Mm(262+7), 2*um) {
			t.Errorf("page number dash at %v, want 7 mm below the 版心", centre)
		}
	}
	// 版记: last rule's bottom edge on 262 mm, thick/thin/thick
	br := rules(last, ElemBanjiRule)
	if len(br) != 3 {
		t.Fatalf("want 3 版记 rules, got %d", len(br))
	}
	if b := br[2].Y0 + br[2].Width/2; !near(b, Mm(262), um) {
		t.Errorf("last 版记 rule bottom %v, want 262 mm", b)
	}
	if br[0].Width != Mm(0.35) || br[1].Width != Mm(0.25) || br[2].Width != Mm(0.35) {
		t.Errorf("版记 rule widths %v %v %v", br[0].Width, br[1].Width, br[2].Width)
	}
	pr := texts(last, ElemPrint)
	if len(pr) != 2 || pr[0].S != "某某市人民政府办公室" || pr[1].S != "2024年1月5日印发" {
		t.Fatalf("印发 line %+v", pr)
	}
	if pr[0].X[0] != MarginLeft+CharPitch {
		t.Errorf("印发机关 at %v, want one char in", pr[0].X[0])
	}
	if e := lineEnd(fs, pr[1]); !near(e, MarginLeft+BodyWidth-CharPitch, 100*um) {
		t.Errorf("印发日期 ends at %v, want one char in from the right", e)
	}
	if want := MarginTop + slotTop(21) + baselineIn(Hao(4)); pr[0].Y != want {
		t.Errorf("印发 line baseline %v, want the last slot %v", pr[0].Y, want)
	}
	cc := texts(last, ElemCC)
	if len(cc) == 0 || !strings.HasPrefix(cc[0].S, "抄送：") || cc[0].Size != Hao(4) || cc[0].X[0] != MarginLeft+CharPitch {
		t.Errorf("抄送 %+v", cc)
	}
}

func TestUpDirectionHead(t *testing.T) {
	d := sampleDoc(2)
	d.Direction = document.DirectionUp
	d.Signers = []string{"张三", "李四", "王五"}
	pages := typeset(t, d)
	p1 := pages[0]
	num := texts(p1, ElemNumber)[0]
	if num.X[0] != MarginLeft+CharPitch {
		t.Errorf("上行文 number at %v, want one char in from the left", num.X[0])
	}
	sig := texts(p1, ElemSigners)
	var kaiLines []Text
	for _, s := range sig {
		if s.Font == "kai" {
			kaiLines = append(kaiLines, s)
		}
	}
	if len(kaiLines) != 2 {
		t.Fatalf("want the 3 signers on 2 lines in 楷体, got %+v", kaiLines)
	}
	if kaiLines[0].X[0] != kaiLines[1].X[0] {
		t.Errorf("second signer line not under the first name")
	}
	if num.Y != kaiLines[1].Y {
		t.Errorf("number not on the last 签发人 line")
	}
	if e := lineEnd(DefaultFonts(), kaiLines[0]); !near(e, MarginLeft+BodyWidth-CharPitch, 100*um) {
		t.Errorf("签发人 line ends at %v, want one char in from the right", e)
	}
}

func TestLetterFormat(t *testing.T) {
	d := sampleDoc(3)
	d.Format = document.FormatLetter
	d.MarkSuffix = ""
	pages := typeset(t, d)
	p1 := pages[0]
	mark := texts(p1, ElemMark)[0]
	if top := mark.Y - emAscent(mark.Size); !near(top, Mm(30), 2*um) {
		t.Errorf("letter mark top %v, want 30 mm", top)
	}
	lr := rules(p1, ElemLetterRule)
	if len(lr) != 4 {
		t.Fatalf("want 4 letter rules, got %d", len(lr))
	}
	for _, r := range lr {
		if r.X0 != Mm(20) || r.X1 != Mm(190) || r.Color != Red {
			t.Errorf("letter rule %+v", r)
		}
	}
	if lr[0].Width <= lr[1].Width || lr[3].Width <= lr[2].Width {
		t.Errorf("upper rule must be thick over thin, lower thin over thick")
	}
	if b := lr[3].Y0 + lr[3].Width/2; !near(b, Mm(277), um) {
		t.Errorf("lower double rule bottom %v, want 277 mm", b)
	}
	if p1.Number != 0 || len(texts(p1, ElemPageNumber)) != 0 {
		t.Errorf("信函 page 1 must carry no number")
	}
	num := texts(p1, ElemNumber)[0]
	if e := lineEnd(DefaultFonts(), num); !near(e, MarginLeft+BodyWidth, 100*um) {
		t.Errorf("letter number ends at %v, want flush right", e)
	}
	if want := lr[1].Y0 + lr[1].Width/2 + Hao(3)*7/8; !near(num.Y-emAscent(num.Size), want, 2*um) {
		t.Errorf("letter number top %v, want %v", num.Y-emAscent(num.Size), want)
	}
	last := pages[len(pages)-1]
	if len(rules(last, ElemBanjiRule)) != 0 || len(texts(last, ElemPrint)) != 0 {
		t.Errorf("信函 版记 has no rules and no 印发")
	}
}

func TestOrderAndMinutesMarks(t *testing.T) {
	d := sampleDoc(2)
	d.Format = document.FormatOrder
	d.MarkSuffix = "令"
	d.OrderNumber = "第5号"
	d.Title = ""
	d.Recipients = ""
	d.SignOff = document.SignOffSignature
	d.SignerTitle, d.SignerName = "市长", "张三"
	pages := typeset(t, d)
	mark := texts(pages[0], ElemMark)[0]
	if top := mark.Y - emAscent(mark.Size); !near(top, Mm(57), 2*um) {
		t.Errorf("order mark top %v, want 57 mm", top)
	}
	if !strings.HasSuffix(mark.S, "令") {
		t.Errorf("order mark %q", mark.S)
	}
	on := texts(pages[0], ElemOrderNumber)[0]
	if want := mark.Y - emAscent(mark.Size) + mark.Size + 2*LinePitch + (LinePitch-on.Size)/2; !near(on.Y-emAscent(on.Size), want, 2*um) {
		t.Errorf("令号 top %v, want %v", on.Y-emAscent(on.Size), want)
	}
	var sig, date Text
	for _, p := range pages {
		for _, tx := range p.Texts {
			switch tx.Element {
			case ElemSignature:
				if tx.Font == "kai" {
					sig = tx
				}
			case ElemDate:
				date = tx
			}
		}
	}
	fs := DefaultFonts()
	if e := lineEnd(fs, sig); !near(e, MarginLeft+BodyWidth-4*CharPitch, 100*um) {
		t.Errorf("signature stamp ends at %v, want right-indented 4 chars", e)
	}
	if e := lineEnd(fs, date); !near(e, MarginLeft+BodyWidth-4*CharPitch, 100*um) {
		t.Errorf("date ends at %v, want right-indented 4 chars", e)
	}
	if date.Y-sig.Y != 2*LinePitch && !near(date.Y-sig.Y, 2*LinePitch, 2*um) {
		t.Errorf("date %v below the stamp, want one blank line", date.Y-sig.Y)
	}

	d = sampleDoc(2)
	d.Format = document.FormatMinutes
	d.MeetingName = "市政府常务会议"
	d.MarkSuffix = ""
	d.Number = "第3期"
	d.Present = "张三，李四，王五，赵六，孙七，周八，吴九，郑十，冯十一，陈十二，褚十三，卫十四，蒋十五，沈十六，韩十七。"
	d.SignOff = document.SignOffNone
	pages = typeset(t, d)
	mark = texts(pages[0], ElemMark)[0]
	if mark.S != "市政府常务会议纪要" {
		t.Errorf("minutes mark %q", mark.S)
	}
	if top := mark.Y - emAscent(mark.Size); !near(top, Mm(72), 2*um) {
		t.Errorf("minutes mark top %v", top)
	}
	var att []Text
	for _, p := range pages {
		att = append(att, texts(p, ElemAttendance)...)
	}
	if len(att) < 3 || att[0].S != "出席：" || att[0].Font != "hei" {
		t.Fatalf("attendance %+v", att)
	}
	if att[0].X[0] != MarginLeft+2*CharPitch {
		t.Errorf("出席 at %v, want 2 chars in", att[0].X[0])
	}
	// the wrapped line aligns after the colon
	if att[2].X[0] != att[1].X[0] {
		t.Errorf("wrapped attendance line at %v, want %v", att[2].X[0], att[1].X[0])
	}
}

func TestNoSealSignOff(t *testing.T) {
	d := sampleDoc(1)
	d.Issuers[0].Name = "某某市人民政府办公室"
	pages := typeset(t, d)
	var name, date Text
	for _, p := range pages {
		for _, tx := range p.Texts {
			switch tx.Element {
			case ElemIssuerSign:
				name = tx
			case ElemDate:
				date = tx
			}
		}
	}
	fs := DefaultFonts()
	if e := lineEnd(fs, name); !near(e, MarginLeft+BodyWidth-2*CharPitch, 100*um) {
		t.Errorf("署名 ends at %v, want right-indented 2 chars", e)
	}
	if date.X[0] != name.X[0]+2*CharPitch || date.Y != name.Y+LinePitch && !near(date.Y, name.Y+LinePitch, 2*um) {
		t.Errorf("date at %v,%v; 署名 at %v,%v", date.X[0], date.Y, name.X[0], name.Y)
	}
	// a longer date: right-indented two characters, the 署名 two characters left of it
	d.Issuers[0].Name = "某某局"
	d.Date = "2024年12月25日"
	pages = typeset(t, d)
	for _, p := range pages {
		for _, tx := range p.Texts {
			switch tx.Element {
			case ElemIssuerSign:
				name = tx
			case ElemDate:
				date = tx
			}
		}
	}
	if e := lineEnd(fs, date); !near(e, MarginLeft+BodyWidth-2*CharPitch, 100*um) {
		t.Errorf("long date ends at %v, want right-indented 2 chars", e)
	}
	if name.X[0] != date.X[0]-2*CharPitch {
		t.Errorf("署名 at %v, want two chars left of the date %v", name.X[0], date.X[0])
	}
}

func TestSealSignOff(t *testing.T) {
	d := sampleDoc(1)
	d.SignOff = document.SignOffSeal
	d.Dir = "../examples"
	d.Issuers[0].Seal = "seal.png"
	if err := document.LoadImages(d); err != nil {
		t.Fatal(err)
	}
	pages := typeset(t, d)
	var img *Image
	var name, date Text
	for pi := range pages {
		for i := range pages[pi].Images {
			img = &pages[pi].Images[i]
		}
		for _, tx := range pages[pi].Texts {
			switch tx.Element {
			case ElemIssuerSign:
				name = tx
			case ElemDate:
				date = tx
			}
		}
	}
	if img == nil || len(img.Data) == 0 || img.W != Mm(42) {
		t.Fatalf("seal image %+v", img)
	}
	fs := DefaultFonts()
	dateCentre := (date.X[0] + lineEnd(fs, date)) / 2
	nameCentre := (name.X[0] + lineEnd(fs, name)) / 2
	if e := lineEnd(fs, date); !near(e, MarginLeft+BodyWidth-4*CharPitch, 100*um) {
		t.Errorf("date ends at %v, want right-indented 4 chars", e)
	}
	if !near(nameCentre, dateCentre, 100*um) || !near(img.X+img.W/2, dateCentre, 100*um) {
		t.Errorf("署名 centre %v, seal centre %v, date centre %v", nameCentre, img.X+img.W/2, dateCentre)
	}
	// the seal's top within one line below the body's last line
	var bodyBottom Length
	for _, tx := range pages[len(pages)-2].Texts {
		if tx.Element == ElemBody {
			bodyBottom = tx.Y - emAscent(tx.Size) + tx.Size
		}
	}
	if bodyBottom == 0 {
		for _, tx := range pages[0].Texts {
			if tx.Element == ElemBody {
				bodyBottom = tx.Y - emAscent(tx.Size) + tx.Size
			}
		}
	}
	if gap := img.Y - bodyBottom; gap < 0 || gap > LinePitch {
		t.Errorf("seal top %v mm below the body, want within one line", gap.Mm())
	}
	// the 署名 and date sit below the seal's centre
	if cy := img.Y + img.H/2; name.Y-emAscent(name.Size) < cy-Mm(1) {
		t.Errorf("署名 top %v above the seal centre %v", name.Y-emAscent(name.Size), cy)
	}

	// a missing image: a clear Chinese error
	d.Issuers[0].Seal = "no-such-seal.png"
	if err := document.LoadImages(d); err == nil || !strings.Contains(err.Error(), "印章") {
		t.Errorf("missing seal image: LoadImages err = %v", err)
	}
	_, err := Typeset(d, Options{})
	if err == nil || !strings.Contains(err.Error(), "印章") {
		t.Errorf("missing seal image: err = %v", err)
	}
	// no image: a dashed placeholder circle
	d.Issuers[0].Seal = ""
	pages = typeset(t, d)
	found := false
	for _, p := range pages {
		for _, c := range p.Circles {
			found = found || c.Dashed && c.Color == Red && c.R == Mm(21)
		}
	}
	if !found {
		t.Errorf("no dashed placeholder circle")
	}
}

func TestSignOffNeverAlone(t *testing.T) {
	// grow the body until the sign-off would start a page of its own; it must always carry body text
	for n := 8; n < 24; n++ {
		d := sampleDoc(n)
		pages := typeset(t, d)
		for _, p := range pages {
			if len(texts(p, ElemIssuerSign)) == 0 {
				continue
			}
			if len(texts(p, ElemBody))+len(texts(p, ElemHeading1)) == 0 {
				t.Errorf("%d paragraphs: the sign-off stands alone on a page", n)
			}
		}
	}
}

func TestRecipientsMovedToBanji(t *testing.T) {
	d := sampleDoc(3)
	d.RecipientsInBanji = true
	pages := typeset(t, d)
	if len(texts(pages[0], ElemRecipients)) != 0 {
		t.Errorf("主送 still under the title")
	}
	last := pages[len(pages)-1]
	rc := texts(last, ElemRecipients)
	cc := texts(last, ElemCC)
	if len(rc) == 0 || !strings.HasPrefix(rc[0].S, "主送：") || rc[0].Y >= cc[0].Y {
		t.Errorf("主送 in the 版记 %+v above 抄送 %+v", rc, cc)
	}
	// a 主送 that would push the body off page 1 moves too
	d = sampleDoc(3)
	d.Recipients = strings.Repeat("某某县人民政府，", 30) + "某某区人民政府："
	d.Title = "某某市人民政府关于做好2024年防汛抗旱工作的通知\n第二行\n第三行\n第四行"
	pages = typeset(t, d)
	if len(texts(pages[0], ElemBody))+len(texts(pages[0], ElemHeading1)) == 0 {
		t.Errorf("page 1 shows no body text")
	}
}

func TestForcedTitleBreakAndBalance(t *testing.T) {
	d := sampleDoc(1)
	d.Title = "某某市人民政府\n关于做好防汛工作的通知"
	pages := typeset(t, d)
	tl := texts(pages[0], ElemTitle)
	if len(tl) != 2 || tl[0].S != "某某市人民政府" || tl[1].S != "关于做好防汛工作的通知" {
		t.Fatalf("title lines %+v", tl)
	}
	for _, x := range tl {
		c := (x.X[0] + lineEnd(DefaultFonts(), x)) / 2
		if !near(c, MarginLeft+BodyWidth/2, 100*um) {
			t.Errorf("title line %q centred at %v", x.S, c)
		}
		if x.Size != Hao(2) || x.Font != "xiaobiaosong" {
			t.Errorf("title line %q size %v font %s", x.S, x.Size, x.Font)
		}
	}
}

func TestMissingGlyph(t *testing.T) {
	d := sampleDoc(1)
	d.Body[0] = "生僻字\U0002A6A5和表情\U0001F600都要印出来。"
	var warns []string
	pages, err := Typeset(d, Options{Warn: func(m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	var all strings.Builder
	for _, p := range pages {
		for _, tx := range texts(p, ElemHeading1) {
			all.WriteString(tx.S)
		}
		for _, tx := range texts(p, ElemBody) {
			all.WriteString(tx.S)
		}
	}
	if got := all.String(); !strings.Contains(got, "生僻字〓和表情〓都要印出来。") {
		t.Errorf("body printed %q", got)
	}
	if len(warns) != 2 || !strings.Contains(warns[1], "\U0001F600") || !strings.Contains(warns[0], "字库中没有字符") {
		t.Errorf("warnings %q", warns)
	}
}

func TestExplainBoxes(t *testing.T) {
	d := sampleDoc(3)
	pages, err := Typeset(d, Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	want := map[Element]string{ElemMark: "7.2.4", ElemNumber: "7.2.5", ElemSeparator: "7.2.7", ElemTitle: "7.3.1",
		ElemRecipients: "7.3.2", ElemPageNumber: "7.5", ElemCC: "7.4.2", ElemPrint: "7.4.3"}
	got := map[Element]string{}
	for _, p := range pages {
		for _, b := range p.Boxes {
			got[b.Element] = b.Label
			if b.W <= 0 || b.H <= 0 {
				t.Errorf("box %q has no size", b.Label)
			}
		}
	}
	for e, clause := range want {
		if !strings.Contains(got[e], clause) {
			t.Errorf("box of %s: %q, want clause %s", e, got[e], clause)
		}
	}
	plain, _ := Typeset(d, Options{})
	for _, p := range plain {
		if len(p.Boxes) != 0 {
			t.Errorf("boxes without Explain")
		}
	}
}

func TestTableSplitsWithHeader(t *testing.T) {
	d := sampleDoc(1)
	tb := &document.Table{Header: []string{"序号", "问题", "整改措施", "责任单位"}, Widths: []float64{1, 4, 5, 3}}
	for i := 1; i <= 40; i++ {
		tb.Rows = append(tb.Rows, []string{fmt.Sprint(i), "问题描述比较长需要在单元格里折行显示", "整改措施同样比较长也要折行显示出来", "某某局"})
	}
	d.Attachments = []document.Attachment{{Title: "整改任务清单", Table: tb}}
	pages := typeset(t, d)
	var tablePages []int
	for i, p := range pages {
		headers := 0
		for _, tx := range texts(p, ElemTable) {
			if strings.Contains(tx.S, "整改措施") && tx.Font == "hei" {
				headers++
			}
			if tx.Y > MarginTop+BodyHeight {
				t.Errorf("page %d: table text below the 版心 at %v", i+1, tx.Y)
			}
		}
		if len(texts(p, ElemTable)) > 0 {
			tablePages = append(tablePages, i)
			if headers != 1 {
				t.Errorf("page %d: %d table headers, want 1", i+1, headers)
			}
		}
	}
	if len(tablePages) < 2 {
		t.Fatalf("table did not split: pages %v", tablePages)
	}
	first := pages[tablePages[0]]
	at := texts(first, ElemAttachment)
	if len(at) != 1 || at[0].S != "附件" || at[0].Font != "hei" || at[0].Y != MarginTop+baselineIn(Hao(3)) {
		t.Errorf("附件 label %+v", at)
	}
	ti := texts(first, ElemAttachTitle)
	if len(ti) != 1 || ti[0].Y != MarginTop+slotTop(2)+baselineIn(Hao(2)) {
		t.Errorf("attachment title %+v, want line 3", ti)
	}
}

func TestBlankPageBeforeBanji(t *testing.T) {
	// find a body length whose text fills an even page: the 版记 then needs a blank page
	for n := 10; n < 40; n++ {
		pages := typeset(t, sampleDoc(n))
		if len(pages)%2 != 0 {
			t.Fatalf("%d paragraphs: %d pages, want even", n, len(pages))
		}
		for i, p := range pages {
			if p.Blank {
				if len(p.Texts) != 0 || p.Number != 0 {
					t.Errorf("blank page %d has content or a number", i+1)
				}
				if i != len(pages)-2 || pages[i+1].Number != 0 {
					t.Errorf("the 版记 page after a blank page must be unnumbered")
				}
				return
			}
		}
	}
	t.Errorf("no body length produced a blank page")
}

func TestExamplesPageRules(t *testing.T) {
	for _, name := range exampleNames(t) {
		doc := loadExample(t, name)
		pages := typeset(t, doc)
		// the 版记 goes on an even page; a document without one (a 决议) may end on page 1
		hasBanji := doc.CC != "" || doc.Printer != "" || doc.PrintDate != ""
		if doc.Format != document.FormatLetter && hasBanji && len(pages)%2 != 0 {
			t.Errorf("%s: %d pages, want an even last page", name, len(pages))
		}
		for i, p := range pages {
			for _, tx := range p.Texts {
				if tx.Element == ElemMark || tx.Element == ElemPageNumber {
					continue
				}
				if tx.Y < MarginTop || tx.Y > MarginTop+BodyHeight {
					t.Errorf("%s page %d: %s %q outside the 版心 (y %v)", name, i+1, tx.Element, tx.S, tx.Y)
				}
				if tx.Color != Black {
					t.Errorf("%s: %s in colour", name, tx.Element)
				}
			}
		}
	}
}

func benchDoc(paras int) *document.Document {
	d := sampleDoc(paras)
	d.Direction = document.DirectionUp
	d.Signers = []string{"张三"}
	return d
}

// BenchmarkTypeset3Pages typesets a 3-page 请示 (fonts already parsed).
func BenchmarkTypeset3Pages(b *testing.B) {
	d := benchDoc(14)
	pages, err := Typeset(d, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Typeset(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pages)), "pages")
}

// BenchmarkTypeset50Pages typesets a 50-page document.
func BenchmarkTypeset50Pages(b *testing.B) {
	d := benchDoc(392)
	pages, err := Typeset(d, Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Typeset(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(pages)), "pages")
}

var _ = os.ReadFile
var _ = filepath.Join

func TestTitleNoteAndJointNoSeal(t *testing.T) {
	d := sampleDoc(2)
	d.Title = "某某市第十届人民代表大会第三次会议关于政府工作报告的决议"
	d.TitleNote = "（2024年1月5日某某市第十届人民代表大会第三次会议通过）"
	d.Issuers = append(d.Issuers, document.Issuer{Name: "某某市财政局"})
	pages := typeset(t, d)
	ti := texts(pages[0], ElemTitle)
	tn := texts(pages[0], ElemTitleNote)
	if len(tn) == 0 || tn[0].Font != "kai" || !near((tn[0].Y-baselineIn(Hao(3)))-(ti[len(ti)-1].Y-baselineIn(Hao(2))), LinePitch, 2*um) {
		t.Errorf("题注 %+v under title %+v", tn, ti)
	}
	var names []Text
	for _, p := range pages {
		names = append(names, texts(p, ElemIssuerSign)...)
	}
	if len(names) != 2 || names[0].X[0] != names[1].X[0] || !near(names[1].Y-names[0].Y, LinePitch, 2*um) {
		t.Errorf("joint 署名 without seals: %+v", names)
	}
}

func TestPageOneKeepsBodyText(t *testing.T) {
	// a short body under a tall head: pulling lines for the sign-off must leave body text on page 1
	for n := 1; n <= 4; n++ {
		d := sampleDoc(0)
		d.Title = "某某市人民政府关于做好2024年防汛抗旱工作的通知\n第二行\n第三行"
		d.Classification, d.ClassificationTerm, d.Urgency = "机密", "5年", "特急"
		for i := 0; i < n; i++ {
			d.Body = append(d.Body, "汛期将至，各地要立即组织开展汛前检查，确保安全度汛。")
		}
		d.AttachmentNotes = []string{"附件一", "附件二", "附件三"}
		d.SignOff = document.SignOffSeal
		pages := typeset(t, d)
		if len(texts(pages[0], ElemBody)) == 0 {
			t.Errorf("%d paragraphs: page 1 shows no body text", n)
		}
	}
}

func TestLongMarkShrinksAndWarns(t *testing.T) {
	d := sampleDoc(1)
	d.Issuers[0].Name = "某某省某某市某某区人民政府办公室综合协调服务中心"
	var warns []string
	pages, err := Typeset(d, Options{Warn: func(m string) { warns = append(warns, m) }})
	if err != nil {
		t.Fatal(err)
	}
	m := texts(pages[0], ElemMark)[0]
	if e := lineEnd(DefaultFonts(), m); e-m.X[0] > Mm(151) {
		t.Errorf("mark %v wide, want it to fit", (e - m.X[0]))
	}
	if len(warns) != 1 || !strings.Contains(warns[0], "发文机关标志") {
		t.Errorf("warnings %q", warns)
	}
}
