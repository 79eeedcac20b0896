package library_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"gongwen/document"
	"gongwen/internal/storetest"
	"gongwen/library"
	"gongwen/store"
)

var ctx = context.Background()

func draft(t *testing.T, title, date string, body ...string) string {
	t.Helper()
	d := &document.Document{Genre: "tongzhi", Issuers: []document.Issuer{{Name: "江城市人民政府"}}, Number: "江政〔2026〕5号",
		Title: title, Recipients: "各区县人民政府：", Body: body, Date: date}
	b, err := document.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestWorkflow: versions kept, unchanged saves add nothing, a stale save is refused, the status
// moves only along the workflow with who and when recorded, an archived manuscript is frozen,
// and restoring an old version adds it as the newest.
func TestWorkflow(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			l := library.New(storetest.Open(t, engine))
			v1 := draft(t, "关于做好防汛工作的通知", "2026年6月1日", "第一段。")
			d, err := l.Save(ctx, library.Save{Draft: v1, Who: "张秘书", Note: "初稿"})
			if err != nil {
				t.Fatal(err)
			}
			if d.Head != 1 || d.Status != library.Draft || d.Title != "关于做好防汛工作的通知" || d.Number != "江政〔2026〕5号" ||
				d.Genre != "tongzhi" || d.Date != "2026-06-01" || d.CreatedBy != "张秘书" {
				t.Fatalf("new manuscript %+v", d)
			}
			if d2, err := l.Save(ctx, library.Save{ID: d.ID, Draft: v1, Who: "张秘书"}); err != nil || d2.Head != 1 {
				t.Errorf("unchanged save: head %d, %v", d2.Head, err)
			}
			v2 := draft(t, "关于做好防汛工作的通知", "2026年6月2日", "第一段。", "第二段。")
			if d, err = l.Save(ctx, library.Save{ID: d.ID, Base: 1, Draft: v2, Who: "李科长", Note: "审改"}); err != nil || d.Head != 2 || d.UpdatedBy != "李科长" {
				t.Fatalf("second version: %+v %v", d, err)
			}
			if _, err := l.Save(ctx, library.Save{ID: d.ID, Base: 1, Draft: v1 + "# x\n", Who: "王"}); !errors.Is(err, library.ErrConflict) {
				t.Errorf("save based on version 1 after version 2: %v", err)
			}
			if _, err := l.Save(ctx, library.Save{Draft: "title: [unclosed", Who: "王"}); err == nil {
				t.Error("saved a draft that does not parse")
			}

			// workflow
			for _, tc := range []struct {
				to library.Status
				ok bool
			}{
				{library.Signed, false}, {library.Review, true}, {library.Draft, true}, {library.Review, true},
				{library.Signed, true}, {library.Archived, false}, {library.Printed, true}, {library.Draft, false},
				{library.Archived, true}, {library.Draft, false},
			} {
				_, err := l.SetStatus(ctx, d.ID, tc.to, "李主任", "")
				if (err == nil) != tc.ok {
					t.Errorf("move to %s: %v, want ok=%v", tc.to.Label(), err, tc.ok)
				}
			}
			hist, _ := l.History(ctx, d.ID)
			var path []string
			for _, c := range hist {
				path = append(path, c.To.Label())
				if c.Who != "李主任" || c.At == "" {
					t.Errorf("status change without who/when: %+v", c)
				}
			}
			if want := "审核 草稿 审核 签发 印发 归档"; strings.Join(path, " ") != want {
				t.Errorf("history %q, want %q", strings.Join(path, " "), want)
			}
			if _, err := l.Save(ctx, library.Save{ID: d.ID, Draft: v1, Who: "x"}); err == nil {
				t.Error("changed an archived manuscript")
			}

			// restore on a new manuscript
			e, _ := l.Save(ctx, library.Save{Draft: v1, Who: "a"})
			l.Save(ctx, library.Save{ID: e.ID, Draft: v2, Who: "b"})
			if e, err = l.Restore(ctx, e.ID, 1, "c"); err != nil || e.Head != 3 {
				t.Fatalf("restore: %+v %v", e, err)
			}
			v, _ := l.Version(ctx, e.ID, 0)
			if v.Draft != v1 || v.N != 3 || v.Author != "c" || !strings.Contains(v.Note, "1") {
				t.Errorf("restored version %+v", v)
			}
			vs, _ := l.Versions(ctx, e.ID)
			if len(vs) != 3 || vs[0].Author != "a" || vs[1].Author != "b" {
				t.Errorf("versions %+v", vs)
			}
			if _, err := l.Version(ctx, e.ID, 9); !errors.Is(err, library.ErrNotFound) {
				t.Errorf("version 9: %v", err)
			}
		})
	}
}

func TestSearch(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			l := library.New(storetest.Open(t, engine))
			ids := map[string]string{}
			for _, s := range []struct{ title, date, genre, number string }{
				{"关于做好防汛工作的通知", "2026年6月1日", "tongzhi", "江政〔2026〕5号"},
				{"关于请求拨付救灾资金的请示", "2026年7月15日", "qingshi", "江政〔2026〕6号"},
				{"关于100%_完成任务的通报", "二〇二五年十二月一日", "tongbao", ""},
			} {
				d := &document.Document{Genre: s.genre, Issuers: []document.Issuer{{Name: "江城市人民政府"}}, Number: s.number, Title: s.title, Body: []string{"正文。"}, Date: s.date}
				b, _ := document.Marshal(d)
				doc, err := l.Save(ctx, library.Save{Draft: string(b), Who: "x"})
				if err != nil {
					t.Fatal(err)
				}
				ids[s.genre] = doc.ID
			}
			l.SetStatus(ctx, ids["qingshi"], library.Review, "x", "")
			for _, tc := range []struct {
				q    library.Query
				want []string
			}{
				{library.Query{Title: "防汛"}, []string{"tongzhi"}},
				{library.Query{Number: "〔2026〕6"}, []string{"qingshi"}},
				{library.Query{Genre: "tongbao"}, []string{"tongbao"}},
				{library.Query{Status: library.Review}, []string{"qingshi"}},
				{library.Query{Status: library.Draft}, []string{"tongbao", "tongzhi"}},
				{library.Query{DateFrom: "2026-06-02"}, []string{"qingshi"}},
				{library.Query{DateFrom: "2025年12月1日", DateTo: "2026年6月30日"}, []string{"tongbao", "tongzhi"}},
				{library.Query{Text: "100%_"}, []string{"tongbao"}},
				{library.Query{Text: "%"}, []string{"tongbao"}},
				{library.Query{}, []string{"qingshi", "tongbao", "tongzhi"}},
			} {
				docs, err := l.Search(ctx, tc.q)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, d := range docs {
					got = append(got, d.Genre)
				}
				sortStrings(got)
				if !reflect.DeepEqual(got, tc.want) {
					t.Errorf("%+v: %v, want %v", tc.q, got, tc.want)
				}
			}
			if _, err := l.Search(ctx, library.Query{DateFrom: "明天"}); err == nil {
				t.Error("a bad date searched")
			}
		})
	}
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func TestDiff(t *testing.T) {
	base := func() *document.Document {
		return &document.Document{Issuers: []document.Issuer{{Name: "江城市人民政府"}}, Number: "江政〔2026〕5号", Title: "关于防汛的通知",
			Recipients: "各区县人民政府：", Body: []string{"一段。", "二段。", "三段。"}, Date: "2026年6月1日", CC: "市委办公室。"}
	}
	type C = library.Change
	for _, tc := range []struct {
		name string
		edit func(d *document.Document)
		want []C
	}{
		{"same", func(d *document.Document) {}, nil},
		{"title", func(d *document.Document) { d.Title = "关于做好防汛工作的通知" },
			[]C{{Path: "title", Element: "标题", Kind: library.Changed, Old: "关于防汛的通知", New: "关于做好防汛工作的通知"}}},
		{"paragraph inserted", func(d *document.Document) { d.Body = []string{"一段。", "新段。", "二段。", "三段。"} },
			[]C{{Path: "body.1", Element: "正文第 2 段", Kind: library.Added, New: "新段。"}}},
		{"paragraph removed", func(d *document.Document) { d.Body = []string{"一段。", "三段。"} },
			[]C{{Path: "body.1", Element: "正文（原第 2 段）", Kind: library.Removed, Old: "二段。"}}},
		{"paragraph changed", func(d *document.Document) { d.Body[2] = "三段，改了。" },
			[]C{{Path: "body.2", Element: "正文第 3 段", Kind: library.Changed, Old: "三段。", New: "三段，改了。"}}},
		{"joint issuer, cc removed, note added", func(d *document.Document) {
			d.Issuers = append(d.Issuers, document.Issuer{Name: "江城市水务局"})
			d.CC = ""
			d.Note = "（此件公开发布）"
		}, []C{
			{Path: "issuers.1", Element: "发文机关第 2 个", Kind: library.Added, New: "江城市水务局"},
			{Path: "note", Element: "附注", Kind: library.Added, New: "（此件公开发布）"},
			{Path: "cc", Element: "抄送机关", Kind: library.Removed, Old: "市委办公室。"},
		}},
	} {
		b := base()
		tc.edit(b)
		if got := library.Diff(base(), b); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}

func TestInline(t *testing.T) {
	for _, tc := range []struct{ old, new, want string }{
		{"关于防汛的通知", "关于做好防汛工作的通知", "关于{+做好+}防汛{+工作+}的通知"},
		{"三段。", "三段，改了。", "三段{+，改了+}。"}, {"甲乙", "甲丙", "甲[-乙-]{+丙+}"},
		{"abc", "abc", "abc"},
		{"", "新", "{+新+}"},
		{"旧", "", "[-旧-]"},
	} {
		if got := library.Marked(library.Inline(tc.old, tc.new)); got != tc.want {
			t.Errorf("Inline(%q, %q) = %q, want %q", tc.old, tc.new, got, tc.want)
		}
	}
}

// TestExchange: a library exported on one machine (SQLite) imports on another (PostgreSQL when
// available) with every version and status change; a later export brings only what is new; a
// history that went separate ways comes in as a copy; a damaged file changes nothing.
func TestExchange(t *testing.T) {
	target := store.Postgres
	if testing.Short() {
		target = store.SQLite
	}
	src := library.New(storetest.Open(t, store.SQLite))
	dst := library.New(storetest.Open(t, target))
	d, _ := src.Save(ctx, library.Save{Draft: draft(t, "甲", "2026年6月1日", "一。"), Who: "a", Note: "初稿"})
	d, _ = src.Save(ctx, library.Save{ID: d.ID, Draft: draft(t, "甲", "2026年6月1日", "一。", "二。"), Who: "b"})
	src.SetStatus(ctx, d.ID, library.Review, "c", "请审核")
	e, _ := src.Save(ctx, library.Save{Draft: draft(t, "乙", "2026年6月3日", "乙。"), Who: "a"})

	export := func() []byte {
		var buf bytes.Buffer
		if err := src.Export(ctx, &buf, nil, "tester"); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	res, err := dst.Import(ctx, bytes.NewReader(export()))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 2 {
		t.Fatalf("first import: %+v", res)
	}
	same := func(id string) {
		t.Helper()
		a, _ := src.Get(ctx, id)
		b, err := dst.Get(ctx, id)
		if err != nil || !reflect.DeepEqual(a, b) {
			t.Errorf("manuscript %s:\nsrc %+v\ndst %+v (%v)", id, a, b, err)
		}
		va, _ := src.Versions(ctx, id)
		vb, _ := dst.Versions(ctx, id)
		if !reflect.DeepEqual(va, vb) {
			t.Errorf("versions of %s differ:\n%+v\n%+v", id, va, vb)
		}
		for _, v := range va {
			x, _ := src.Version(ctx, id, v.N)
			y, _ := dst.Version(ctx, id, v.N)
			if x.Draft != y.Draft {
				t.Errorf("%s v%d text differs", id, v.N)
			}
		}
		ha, _ := src.History(ctx, id)
		hb, _ := dst.History(ctx, id)
		if !reflect.DeepEqual(ha, hb) {
			t.Errorf("history of %s differs:\n%+v\n%+v", id, ha, hb)
		}
	}
	same(d.ID)
	same(e.ID)

	// again: nothing new
	if res, err := dst.Import(ctx, bytes.NewReader(export())); err != nil || len(res.Same) != 2 || len(res.Added)+len(res.Updated)+len(res.Copies) != 0 {
		t.Errorf("re-import: %+v %v", res, err)
	}
	// the source moves on: only the news come in
	src.Save(ctx, library.Save{ID: d.ID, Draft: draft(t, "甲", "2026年6月1日", "一。", "二。", "三。"), Who: "b"})
	src.SetStatus(ctx, d.ID, library.Signed, "d", "")
	if res, err := dst.Import(ctx, bytes.NewReader(export())); err != nil || !reflect.DeepEqual(res.Updated, []string{d.ID}) {
		t.Errorf("update import: %+v %v", res, err)
	}
	same(d.ID)
	// both sides change 乙: the file's history comes in as a copy, nothing here is overwritten
	src.Save(ctx, library.Save{ID: e.ID, Draft: draft(t, "乙", "2026年6月3日", "源。"), Who: "s"})
	dst.Save(ctx, library.Save{ID: e.ID, Draft: draft(t, "乙", "2026年6月3日", "目的。"), Who: "t"})
	res, err = dst.Import(ctx, bytes.NewReader(export()))
	if err != nil || res.Copies[e.ID] == "" {
		t.Fatalf("diverged import: %+v %v", res, err)
	}
	if v, _ := dst.Version(ctx, e.ID, 0); !strings.Contains(v.Draft, "目的。") {
		t.Error("the import overwrote this library's version")
	}
	if v, _ := dst.Version(ctx, res.Copies[e.ID], 0); !strings.Contains(v.Draft, "源。") {
		t.Error("the copy lacks the file's version")
	}

	// damaged: a draft changed inside the ZIP
	damaged := rewriteZip(t, export(), func(name string, b []byte) []byte {
		if strings.HasSuffix(name, "/v1.yaml") {
			return bytes.Replace(b, []byte("甲"), []byte("丙"), 1)
		}
		return b
	})
	before, _ := dst.Search(ctx, library.Query{})
	if _, err := dst.Import(ctx, bytes.NewReader(damaged)); err == nil || !strings.Contains(err.Error(), "校验和") {
		t.Errorf("damaged import: %v", err)
	}
	if after, _ := dst.Search(ctx, library.Query{}); !reflect.DeepEqual(before, after) {
		t.Error("a refused import changed the library")
	}
	if _, err := dst.Import(ctx, strings.NewReader("not a zip")); err == nil {
		t.Error("imported a non-ZIP")
	}
}

func rewriteZip(t *testing.T, data []byte, f func(string, []byte) []byte) []byte {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, zf := range z.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out, _ := w.Create(zf.Name)
		out.Write(f(zf.Name, b))
	}
	w.Close()
	return buf.Bytes()
}

func TestPortable(t *testing.T) {
	dir := t.TempDir()
	abs := filepath.Join(dir, "abs", "b.png")
	doc := &document.Document{Dir: dir, Issuers: []document.Issuer{{Name: "甲", Seal: "seal.png"}, {Name: "乙", Seal: abs}}, SignatureImage: filepath.Join("sig", "s.png")}
	library.Portable(doc)
	if doc.Issuers[0].Seal != filepath.Join(dir, "seal.png") || doc.Issuers[1].Seal != abs || doc.SignatureImage != filepath.Join(dir, "sig", "s.png") {
		t.Errorf("Portable: %+v %q", doc.Issuers, doc.SignatureImage)
	}
}

// TestExportEntryDates: every entry of the exchange ZIP carries a real date (the version's save
// time or the export's), not the ZIP epoch of 1980 that unzip tools would show.
func TestExportEntryDates(t *testing.T) {
	lib := library.New(storetest.Open(t, store.SQLite))
	d, _ := lib.Save(ctx, library.Save{Draft: draft(t, "甲", "2026年6月1日", "一。"), Who: "a"})
	var buf bytes.Buffer
	before := time.Now().Add(-time.Minute)
	if err := lib.Export(ctx, &buf, []string{d.ID}, "tester"); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) < 3 {
		t.Fatalf("%d entries", len(zr.File))
	}
	for _, f := range zr.File {
		if f.Modified.Before(before) || f.Modified.After(time.Now().Add(time.Minute)) {
			t.Errorf("%s dated %v", f.Name, f.Modified)
		}
	}
}
