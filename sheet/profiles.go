package sheet

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/xuri/excelize/v2"

	"gongwen/templates"
)

// The unit profiles' workbook has two sheets: 机关 (organs, one row per profile) and 人员 (people,
// one row per person of an organ, with the role they hold on documents).
const (
	OrgansSheet = "机关"
	PeopleSheet = "人员"
)

// OrganColumns are the 机关 sheet's columns; 单位ID and 机关全称 are required on import.
var OrganColumns = []string{"单位ID", "机关全称", "规范化简称", "机关代字", "发文机关标志", "印发机关", "印章"}

// PeopleColumns are the 人员 sheet's columns.
var PeopleColumns = []string{"单位ID", "姓名", "角色"}

// RoleSigner is the role of the organ's default 签发人 (the one person a profile holds today).
const RoleSigner = "签发人"

// WriteProfiles writes the profiles as a workbook of organs and people.
func WriteProfiles(w io.Writer, ps []templates.Profile) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", OrgansSheet); err != nil {
		return err
	}
	if _, err := f.NewSheet(PeopleSheet); err != nil {
		return err
	}
	err := writeTable(f, OrgansSheet, OrganColumns, len(ps), func(i int) []any {
		p := ps[i]
		return []any{p.ID, p.FullName, p.ShortName, p.Code, p.MarkText, p.Printer, p.Seal}
	}, map[string]float64{"B": 32, "E": 32, "F": 32, "G": 32})
	if err != nil {
		return err
	}
	var people [][]any
	for _, p := range ps {
		if strings.TrimSpace(p.Signer) != "" {
			people = append(people, []any{p.ID, p.Signer, RoleSigner})
		}
	}
	if err := writeTable(f, PeopleSheet, PeopleColumns, len(people), func(i int) []any { return people[i] }, nil); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// WriteProfilesFile writes the workbook to path through a temporary file renamed into place.
func WriteProfilesFile(path string, ps []templates.Profile) error {
	return writeFile(path, func(w io.Writer) error { return WriteProfiles(w, ps) })
}

// ReadProfiles reads the organs and people workbook into profiles, in the organs' order. A person
// with the role 签发人 becomes the organ's default 签发人; a person of an organ that is not listed,
// a second 签发人 for one organ, or an unknown role is an error naming its cell. Each profile is
// validated as a profile file would be.
func ReadProfiles(r io.Reader, file string) ([]templates.Profile, error) {
	f, err := openWorkbook(r, file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := readTable(f, file, []string{OrgansSheet}, []string{"机关全称"}, OrganColumns)
	if err != nil {
		return nil, err
	}
	if _, ok := t.col["单位ID"]; !ok {
		return nil, fmt.Errorf("%s: 工作表 %s 缺少 单位ID 列", file, t.sheet)
	}
	var out []templates.Profile
	index := map[string]int{}
	for i := range t.rows {
		if t.get(i, "单位ID") == "" && t.get(i, "机关全称") == "" {
			continue
		}
		p := templates.Profile{ID: t.get(i, "单位ID"), FullName: t.get(i, "机关全称"), ShortName: t.get(i, "规范化简称"),
			Code: t.get(i, "机关代字"), MarkText: t.get(i, "发文机关标志"), Printer: t.get(i, "印发机关"), Seal: t.get(i, "印章")}
		if err := validProfile(p); err != nil {
			return nil, fmt.Errorf("%s: %v", t.where(i, "单位ID"), err)
		}
		if _, dup := index[p.ID]; dup {
			return nil, fmt.Errorf("%s: 单位ID %s 重复 (duplicate)", t.where(i, "单位ID"), p.ID)
		}
		index[p.ID] = len(out)
		out = append(out, p)
	}
	pt, err := readTable(f, file, []string{PeopleSheet}, []string{"姓名"}, PeopleColumns)
	if err != nil {
		return out, nil // no people sheet: organs only
	}
	for i := range pt.rows {
		id, name, role := pt.get(i, "单位ID"), pt.get(i, "姓名"), pt.get(i, "角色")
		if id == "" && name == "" {
			continue
		}
		k, ok := index[id]
		switch {
		case !ok:
			return nil, fmt.Errorf("%s: 单位ID %q 不在 %s 工作表中", pt.where(i, "单位ID"), id, OrgansSheet)
		case name == "":
			return nil, fmt.Errorf("%s: 缺少姓名", pt.where(i, "姓名"))
		case role != RoleSigner && role != "":
			return nil, fmt.Errorf("%s: 角色 %q 无效，目前只支持 %s", pt.where(i, "角色"), role, RoleSigner)
		case out[k].Signer != "":
			return nil, fmt.Errorf("%s: %s 已有签发人 %s", pt.where(i, "姓名"), id, out[k].Signer)
		}
		out[k].Signer = name
	}
	return out, nil
}

// ReadProfilesFile reads an organs and people .xlsx file.
func ReadProfilesFile(path string) ([]templates.Profile, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开 (cannot open) %s: %w", path, err)
	}
	defer fh.Close()
	return ReadProfiles(fh, path)
}

// validProfile applies the profile files' own rules (templates.ParseProfile) to p.
func validProfile(p templates.Profile) error {
	data, err := yaml.Marshal(p)
	if err != nil {
		return err
	}
	if _, err := templates.ParseProfile(p.ID, data); err != nil {
		var te *templates.Error
		if errors.As(err, &te) {
			return errors.New(te.Msg)
		}
		return err
	}
	return nil
}
