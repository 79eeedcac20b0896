package ofd

import (
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// schemaOf names the GB/T 33190 schema that validates a part of the packages this writer makes
// (spec/ofd/README.md: which schema validates which part); "" for a part no schema covers (the
// custom tag file is in Gongwen's own namespace: checked for well-formedness only).
func schemaOf(part string) string {
	switch {
	case part == "OFD.xml":
		return "OFD.xsd"
	case path.Base(part) == "Document.xml":
		return "Document.xsd"
	case path.Base(part) == "PublicRes.xml", path.Base(part) == "DocumentRes.xml":
		return "Res.xsd"
	case strings.HasPrefix(part, "Doc_0/Pages/") && path.Base(part) == "Content.xml":
		return "Page.xsd"
	case path.Base(part) == "CustomTags.xml":
		return "CustomTags.xsd"
	}
	return ""
}

// TestSchemas validates every XML part of every exported example against the GB/T 33190 schemas
// with xmllint, and checks that every package part this writer makes is one the test knows.
func TestSchemas(t *testing.T) {
	xmllint := needTool(t, "xmllint", "libxml2-utils")
	xsd := filepath.Join(sharedDir(t), "spec", "ofd", "xsd")
	for _, name := range exampleNames(t) {
		t.Run(name, func(t *testing.T) {
			ex := exportExample(t, name)
			dir := t.TempDir()
			unzipTo(t, ex.parts, dir)
			bySchema := map[string][]string{}
			var names []string
			for p := range ex.parts {
				names = append(names, p)
			}
			sort.Strings(names)
			for _, p := range names {
				switch {
				case strings.HasSuffix(p, ".ttf") || strings.HasSuffix(p, ".png") || strings.HasSuffix(p, ".jpg"):
					continue
				case p == "Doc_0/Tags/Tag_GongWen.xml":
					bySchema[""] = append(bySchema[""], p)
				case schemaOf(p) == "":
					t.Errorf("part %s: no schema known for it", p)
				default:
					bySchema[schemaOf(p)] = append(bySchema[schemaOf(p)], p)
				}
			}
			for _, want := range []string{"OFD.xsd", "Document.xsd", "Res.xsd", "Page.xsd", "CustomTags.xsd"} {
				if len(bySchema[want]) == 0 {
					t.Errorf("no part validated by %s", want)
				}
			}
			for schema, ps := range bySchema {
				args := []string{"--noout"}
				if schema != "" {
					args = append(args, "--schema", filepath.Join(xsd, schema))
				}
				for _, p := range ps {
					args = append(args, filepath.Join(dir, filepath.FromSlash(p)))
				}
				out, err := exec.Command(xmllint, args...).CombinedOutput()
				if err != nil {
					t.Errorf("xmllint %s: %v\n%s", schema, err, out)
				}
			}
		})
	}
}
