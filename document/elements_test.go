package document

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// notElements are the fields of Document that are not elements of the document: where it
// was read from, what was read with it and what the readers met.
var notElements = map[string]bool{"Dir": true, "Images": true, "imageErrs": true, "Source": true, "Warnings": true}

// TestElementsDescribeModel: every field of Document (and of its record types Issuer,
// Attachment, RectificationItem) is described by exactly one entry of the element table, and
// each entry's accessor reaches that very field.
func TestElementsDescribeModel(t *testing.T) {
	check := func(typ reflect.Type, elems []Element, skip map[string]bool, where string) {
		byField := map[string]*Element{}
		for i := range elems {
			e := &elems[i]
			if byField[e.GoField] != nil {
				t.Errorf("%s: field %s described twice", where, e.GoField)
			}
			byField[e.GoField] = e
			if _, ok := typ.FieldByName(e.GoField); !ok {
				t.Errorf("%s: %s describes %s, which %s has not", where, e.Key, e.GoField, typ.Name())
			}
			if e.Label == "" || e.LabelEN == "" {
				t.Errorf("%s: %s has no Chinese or English label", where, e.Key)
			}
			if where == "Elements" && e.Key != PathGenre && e.Part != "版头" && e.Part != "主体" && e.Part != "版记" {
				t.Errorf("%s: part %q is not 版头, 主体 or 版记", e.Key, e.Part)
			}
		}
		for i := 0; i < typ.NumField(); i++ {
			f := typ.Field(i)
			if !skip[f.Name] && byField[f.Name] == nil {
				t.Errorf("%s: field %s.%s is not in the element table", where, typ.Name(), f.Name)
			}
		}
	}
	check(reflect.TypeOf(Document{}), Elements, notElements, "Elements")
	records := map[string]reflect.Type{PathIssuers: reflect.TypeOf(Issuer{}), PathAttachments: reflect.TypeOf(Attachment{}),
		PathRectification: reflect.TypeOf(RectificationItem{})}
	for key, typ := range records {
		e := ElementOf(key)
		if e == nil || e.Shape != ShapeItems {
			t.Fatalf("%s is not a record element", key)
		}
		check(typ, e.Fields, nil, key)
	}

	// the accessors reach the fields they name
	doc := &Document{Issuers: make([]Issuer, 2), Attachments: make([]Attachment, 2), Rectification: make([]RectificationItem, 2)}
	dv := reflect.ValueOf(doc).Elem()
	addr := func(v reflect.Value) uintptr { return v.Addr().Pointer() }
	for k := range Elements {
		e := &Elements[k]
		want := addr(dv.FieldByName(e.GoField))
		var got uintptr
		switch e.Shape {
		case ShapeText, ShapeDate, ShapeWord, ShapeEnum:
			got = reflect.ValueOf(e.TextPtr(doc)).Pointer()
		case ShapeBool:
			got = reflect.ValueOf(e.BoolPtr(doc)).Pointer()
		case ShapeList:
			got = reflect.ValueOf(e.ListPtr(doc)).Pointer()
		case ShapeItems:
			if e.Count(doc) != 2 {
				t.Errorf("%s: Count = %d, want 2", e.Key, e.Count(doc))
			}
			got = want
			for j := range e.Fields {
				f := &e.Fields[j]
				fw := addr(dv.FieldByName(e.GoField).Index(1).FieldByName(f.GoField))
				var fg uintptr
				switch f.Shape {
				case ShapeList:
					fg = reflect.ValueOf(f.list(doc, 1)).Pointer()
				case ShapeTable:
					fg = reflect.ValueOf(f.table(doc, 1)).Pointer()
				default:
					fg = reflect.ValueOf(f.text(doc, 1)).Pointer()
				}
				if fg != fw {
					t.Errorf("%s.1.%s: the accessor does not reach %s", e.Key, f.Key, f.GoField)
				}
			}
		}
		if got != want {
			t.Errorf("%s: the accessor does not reach Document.%s", e.Key, e.GoField)
		}
	}
}

// TestElementKeysAreDraftKeys: the draft reader knows exactly the table's keys (and the
// version), and an unknown key, at the top or in a record, is an error at its FILE:LINE:COL.
func TestElementKeysAreDraftKeys(t *testing.T) {
	for _, e := range Elements {
		var src string
		switch e.Shape {
		case ShapeBool:
			src = e.Key + ": true\n"
		case ShapeList:
			src = e.Key + ": [甲]\n"
		case ShapeItems:
			src = e.Key + ":\n  - " + e.Fields[0].Key + ": 甲\n"
		case ShapeEnum:
			src = e.Key + ": " + e.Values[0] + "\n"
		case ShapeDate:
			src = e.Key + ": 2024年1月5日\n"
		default:
			src = e.Key + ": 甲\n"
		}
		if _, err := Parse("k.yaml", []byte(src)); err != nil {
			t.Errorf("%s: %v", e.Key, err)
		}
	}
	tests := []struct {
		src       string
		line, col int
		msg       string
	}{
		{"title: 甲\nbody: [乙]\ntitel: 丙\n", 3, 1, "未知的键“titel”（是不是“title”？）"},
		{"attachments:\n  - title: 甲\n    tablee: {}\n", 3, 5, "attachments 第1项中未知的键“tablee”（是不是“table”？）"},
		{"rectification:\n  - problem: 甲\n  - goal: 乙\n    owners: 丙\n", 4, 5, "rectification 第2项中未知的键“owners”（是不是“owner”？）"},
	}
	for _, tt := range tests {
		_, err := Parse("d.yaml", []byte(tt.src))
		var e *Error
		if !errors.As(err, &e) || e.Line != tt.line || e.Col != tt.col || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("%q: %v, want d.yaml:%d:%d %s", tt.src, err, tt.line, tt.col, tt.msg)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "d.yaml:"+strconv.Itoa(tt.line)+":"+strconv.Itoa(tt.col)+":") {
			t.Errorf("%q: %q does not start with FILE:LINE:COL", tt.src, err.Error())
		}
	}
}

// TestIsImagePath: the image file names are the table's Image fields.
func TestIsImagePath(t *testing.T) {
	for path, want := range map[string]bool{"signature_image": true, "issuers.0.seal": true, "issuers.12.seal": true,
		"issuers.0.name": false, "title": false, "seal": false, "body.0": false, "attachments.0.title": false,
		"issuers.seal": false, "issuers.0.seal.x": false, "signature_image.0": false, "signature_image.0.seal": false, "": false} {
		if got := IsImagePath(path); got != want {
			t.Errorf("IsImagePath(%q) = %v", path, got)
		}
	}
}

// TestCloneSharesNoText: a clone (made by the element table) shares no text, list, record or
// table with the original: every text Walk gives in the clone is another string variable
// with the same value, and changing it leaves the original as it was.
func TestCloneSharesNoText(t *testing.T) {
	orig := fullDoc()
	before, _ := Marshal(orig)
	c := orig.Clone()
	if cm, _ := Marshal(c); string(cm) != string(before) { // empty lists may become nil
		t.Fatal("the clone differs from the original")
	}
	n := 0
	c.Walk(func(path string, p *string) {
		n++
		if q := orig.Field(path); q == p || q == nil || *q != *p {
			t.Errorf("%s: shared with the original or not the same text", path)
		}
		*p += "改"
	})
	if after, _ := Marshal(orig); string(after) != string(before) {
		t.Error("changing the clone changed the original")
	}
	if n < 40 {
		t.Errorf("only %d texts walked in the full document", n)
	}
}

// TestDraftDocListsElements: the key table of docs/draft.md has a row for the version and
// each element of the table, in the table's order, with a row for each field of a record
// element (issuers[].name …) or, for the 整改 items, each field named in the element's row.
func TestDraftDocListsElements(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "docs", "draft.md"))
	if err != nil {
		t.Fatal(err)
	}
	var rows []string
	rowText := map[string]string{}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "| `") {
			k := strings.TrimPrefix(l, "| `")
			k = k[:strings.Index(k, "`")]
			rows = append(rows, k)
			rowText[k] = l
		}
	}
	want := []string{PathVersion}
	for _, e := range Elements {
		want = append(want, e.Key)
		if e.Shape != ShapeItems {
			continue
		}
		for _, f := range e.Fields {
			if _, ok := rowText[e.Key+"[]."+f.Key]; ok || e.Key != PathRectification {
				want = append(want, e.Key+"[]."+f.Key)
			} else if !strings.Contains(rowText[e.Key], "`"+f.Key+"`") {
				t.Errorf("docs/draft.md: the %s row does not name its field %s", e.Key, f.Key)
			}
		}
	}
	if strings.Join(rows, " ") != strings.Join(want, " ") {
		t.Errorf("docs/draft.md key table\n %v\nwant the element table's keys\n %v", rows, want)
	}
}
