package templates

import (
	"reflect"
	"strings"
	"testing"

	"gongwen/document"
)

func TestBuildRectification(t *testing.T) {
	items := []document.RectificationItem{
		{Problem: "政府采购程序不规范", Content: "复核采购项目", Goal: "程序全部合规", Measures: "修订管理办法", Deadline: "2024年6月30日前", Owner: "市财政局"},
		{Problem: "台账管理问题", Content: "建立台账。", Deadline: "2024年9月30日前", Owner: "张三"},
		{Problem: "档案管理方面", Measures: "补齐档案"},
	}
	tests := []struct {
		name      string
		items     []document.RectificationItem
		title     string
		wantErr   bool
		wantBody  []string
		wantRows  [][]string
		wantTitle string
	}{
		{name: "no items", title: "某方案", wantErr: true},
		{name: "no title", items: items[:1], wantErr: true},
		{name: "one item", items: items[:1], title: "江城市审计发现问题整改方案",
			wantBody: []string{"一、政府采购程序不规范问题方面", "（一）整改内容。复核采购项目。", "（二）整改目标。程序全部合规。",
				"（三）整改措施。修订管理办法。", "（四）整改时限。2024年6月30日前。", "（五）责任单位。市财政局。"},
			wantRows:  [][]string{{"1", "政府采购程序不规范", "复核采购项目", "程序全部合规", "修订管理办法", "2024年6月30日前", "市财政局"}},
			wantTitle: "关于印发《江城市审计发现问题整改方案》的通知"},
		{name: "three items, gaps", items: items, title: "整改方案",
			wantBody: []string{"一、政府采购程序不规范问题方面", "（一）整改内容。复核采购项目。", "（二）整改目标。程序全部合规。",
				"（三）整改措施。修订管理办法。", "（四）整改时限。2024年6月30日前。", "（五）责任单位。市财政局。",
				"二、台账管理问题方面", "（一）整改内容。建立台账。", "（二）整改时限。2024年9月30日前。", "（三）责任人。张三。",
				"三、档案管理方面", "（一）整改措施。补齐档案。"},
			wantRows: [][]string{
				{"1", "政府采购程序不规范", "复核采购项目", "程序全部合规", "修订管理办法", "2024年6月30日前", "市财政局"},
				{"2", "台账管理问题", "建立台账。", "", "", "2024年9月30日前", "张三"},
				{"3", "档案管理方面", "", "", "补齐档案", "", ""},
			},
			wantTitle: "关于印发《整改方案》的通知"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &document.Document{Rectification: tt.items}
			err := BuildRectification(doc, tt.title)
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v", err)
			}
			if tt.wantErr {
				return
			}
			if len(doc.Attachments) != 2 {
				t.Fatalf("attachments: %d", len(doc.Attachments))
			}
			plan, list := doc.Attachments[0], doc.Attachments[1]
			if plan.Title != tt.title || !reflect.DeepEqual(plan.Body, tt.wantBody) {
				t.Errorf("plan %q:\n%s", plan.Title, strings.Join(plan.Body, "\n"))
			}
			if list.Title != RectificationListTitle || list.Table == nil {
				t.Fatalf("list: %+v", list)
			}
			if !reflect.DeepEqual(list.Table.Header, RectificationHeader) || !reflect.DeepEqual(list.Table.Rows, tt.wantRows) {
				t.Errorf("table %q %q", list.Table.Header, list.Table.Rows)
			}
			if len(list.Table.Widths) != len(list.Table.Header) {
				t.Errorf("widths %v", list.Table.Widths)
			}
			if !reflect.DeepEqual(doc.AttachmentNotes, []string{tt.title, RectificationListTitle}) {
				t.Errorf("notes %q", doc.AttachmentNotes)
			}
			if doc.Title != tt.wantTitle {
				t.Errorf("title %q", doc.Title)
			}
			for _, p := range plan.Body {
				if h := document.ParseHeading(p); h.Level == 0 {
					t.Errorf("%q: not a heading", p)
				}
			}
		})
	}
}

func TestGenerateFromExample(t *testing.T) {
	g, _ := Builtins().Genre("zhenggai")
	doc, err := document.Parse("zhenggai", []byte(g.Example))
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Generate(doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Attachments) != 2 || doc.Attachments[0].Title != "江城市审计发现问题整改方案" || len(doc.Attachments[1].Table.Rows) != 2 {
		t.Errorf("attachments %+v", doc.Attachments)
	}
	// Generate does not overwrite attachments already there.
	doc.Attachments[0].Body = []string{"手工修改"}
	if err := g.Generate(doc); err != nil || doc.Attachments[0].Body[0] != "手工修改" {
		t.Errorf("regenerated over edits: %v", err)
	}
}

func TestChineseOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九", 100: "100"} {
		if got := chineseOrdinal(n); got != want {
			t.Errorf("%d: %s, want %s", n, got, want)
		}
	}
}
