package templates

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/lexer"
	"github.com/goccy/go-yaml/parser"

	"gongwen/document"
)

// Profile is a unit profile (单位信息): what a secretary would otherwise type on every document.
type Profile struct {
	ID        string `yaml:"id"`         // file name without .yaml, e.g. jiangcheng-zf
	FullName  string `yaml:"full_name"`  // 全称, e.g. 江城市人民政府
	ShortName string `yaml:"short_name"` // 规范化简称, e.g. 江城市政府
	Code      string `yaml:"code"`       // 机关代字, e.g. 江政 → 江政〔2024〕5号
	MarkText  string `yaml:"mark_text"`  // 发文机关标志 text; empty means FullName
	Signer    string `yaml:"signer"`     // default 签发人 (上行文)
	Printer   string `yaml:"printer"`    // 印发机关, e.g. 江城市人民政府办公室
	Seal      string `yaml:"seal"`       // seal image, relative to the profile's folder or absolute

	// File is where the profile was loaded from; Dir the folder relative seal paths start from.
	File string `yaml:"-"`
	Dir  string `yaml:"-"`
}

// DefaultProfileDir is the user's profile folder: <per-OS config dir>/gongwen/profiles.
func DefaultProfileDir() string {
	d, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "gongwen", "profiles")
}

// Number composes the 发文字号 机关代字〔year〕serial号, e.g. 江政〔2024〕5号 (GB/T 9704-2012 7.2.5).
func (p Profile) Number(year, serial int) string {
	return fmt.Sprintf("%s〔%d〕%d号", p.Code, year, serial)
}

// Apply fills the organ fields of doc from the profile: the lead issuer (署名 = full name,
// 发文机关标志 text, seal), the 发文字号 (when year and serial are positive), the 签发人 of an
// 上行文 and the 印发机关. Other issuers of a joint document are kept.
func (p Profile) Apply(doc *document.Document, year, serial int) {
	iss := document.Issuer{Name: p.FullName}
	if p.MarkText != "" && p.MarkText != p.FullName {
		iss.Mark = p.MarkText
	}
	if p.Seal != "" {
		iss.Seal = p.Seal
		if !filepath.IsAbs(p.Seal) && p.Dir != "" {
			iss.Seal = filepath.Join(p.Dir, p.Seal)
		}
	}
	if len(doc.Issuers) == 0 {
		doc.Issuers = []document.Issuer{iss}
	} else {
		doc.Issuers[0] = iss
	}
	if p.Code != "" && year > 0 && serial > 0 {
		doc.Number = p.Number(year, serial)
	}
	if p.Signer != "" && doc.Direction == document.DirectionUp {
		if len(doc.Signers) == 0 {
			doc.Signers = []string{p.Signer}
		} else {
			doc.Signers[0] = p.Signer
		}
	}
	if p.Printer != "" && doc.Format != document.FormatLetter {
		doc.Printer = p.Printer
	}
}

var profileID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]*$`)

// ParseProfile reads one profile strictly.
func ParseProfile(file string, data []byte) (p Profile, err error) {
	defer func() {
		if r := recover(); r != nil {
			p, err = Profile{}, &Error{File: file, Msg: fmt.Sprintf("无法解析单位信息（YAML 解析器内部错误：%v）", r)}
		}
	}()
	toks := lexer.Tokenize(string(data))
	if err := tooDeep(file, toks); err != nil {
		return p, err
	}
	f, err := parser.Parse(toks, 0)
	if err != nil {
		return p, yamlError(file, err)
	}
	if len(f.Docs) != 1 || f.Docs[0].Body == nil {
		return p, &Error{File: file, Line: 1, Col: 1, Msg: "单位信息文件应当恰好包含一个 YAML 文档 (one YAML document expected)"}
	}
	if err := yaml.NodeToValue(f.Docs[0].Body, &p, yaml.Strict()); err != nil {
		return p, yamlError(file, err)
	}
	at := func(key, msg string) error {
		e := &Error{File: file, Msg: msg}
		if n := lookup(f.Docs[0].Body, true, key); n != nil {
			e.Line, e.Col = n.GetToken().Position.Line, n.GetToken().Position.Column
		} else {
			e.Line, e.Col = 1, 1
		}
		return e
	}
	switch {
	case !profileID.MatchString(p.ID):
		return p, at("id", fmt.Sprintf("id %q 无效：只用字母、数字、连字符和下划线", p.ID))
	case strings.TrimSpace(p.FullName) == "":
		return p, at("full_name", "缺少 full_name（机关全称）")
	case strings.ContainsAny(p.Code, "〔〕[]【】()（）"):
		return p, at("code", fmt.Sprintf("code %q 只写机关代字，不带年份和括号（如 江政）", p.Code))
	}
	p.File = file
	return p, nil
}

// LoadProfiles reads the built-in example profiles and then the profiles in dir ("" means
// DefaultProfileDir()), which add or replace by id. Broken files are reported and skipped.
// The result is sorted by id.
func LoadProfiles(dir string) ([]Profile, []error) {
	byID := map[string]Profile{}
	var errs []error
	load := func(fsys fs.FS, root, prefix, diskDir string) {
		entries, err := fs.ReadDir(fsys, root)
		if err != nil {
			if diskDir != "" && !os.IsNotExist(err) {
				errs = append(errs, fmt.Errorf("read profiles %s: %w", diskDir, err))
			}
			return
		}
		for _, e := range entries {
			if e.IsDir() || !(strings.HasSuffix(e.Name(), ".yaml") || strings.HasSuffix(e.Name(), ".yml")) {
				continue
			}
			data, err := readEntry(fsys, root, e.Name(), prefix, MaxProfileSize)
			if err != nil {
				errs = append(errs, &Error{File: prefix + e.Name(), Msg: fmt.Sprintf("无法读取 (cannot read): %v", err)})
				continue
			}
			p, err := ParseProfile(prefix+e.Name(), data)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			p.Dir = diskDir
			byID[p.ID] = p
		}
	}
	load(builtinFS, "builtin/profiles", "builtin:profiles/", "")
	if dir == "" {
		dir = DefaultProfileDir()
	}
	if dir != "" {
		if _, err := os.Stat(dir); err == nil {
			load(os.DirFS(dir), ".", dir+string(filepath.Separator), dir)
		}
	}
	out := make([]Profile, 0, len(byID))
	for _, p := range byID {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, errs
}

// SaveProfile writes p to dir/<id>.yaml atomically (a temporary file renamed over the old one),
// creating dir when needed.
func SaveProfile(dir string, p Profile) error {
	if !profileID.MatchString(p.ID) {
		return fmt.Errorf("save profile: id %q 无效：只用字母、数字、连字符和下划线", p.ID)
	}
	if strings.TrimSpace(p.FullName) == "" {
		return fmt.Errorf("save profile %s: 缺少机关全称 (full name is required)", p.ID)
	}
	data, err := yaml.Marshal(p)
	if err != nil {
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	tmp, err := os.CreateTemp(dir, "."+p.ID+"-*.tmp")
	if err != nil {
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	name := tmp.Name()
	_, werr := tmp.Write(append([]byte("# 单位信息 (unit profile), 由 Gongwen 保存\n"), data...))
	serr := tmp.Sync()
	cerr := tmp.Close()
	for _, err := range []error{werr, serr, cerr} {
		if err != nil {
			os.Remove(name)
			return fmt.Errorf("save profile %s: %w", p.ID, err)
		}
	}
	if err := os.Rename(name, filepath.Join(dir, p.ID+".yaml")); err != nil {
		os.Remove(name)
		return fmt.Errorf("save profile %s: %w", p.ID, err)
	}
	return nil
}

// DeleteProfile removes dir/<id>.yaml. Removing a profile that is not there is no error.
func DeleteProfile(dir, id string) error {
	if !profileID.MatchString(id) {
		return fmt.Errorf("delete profile: id %q 无效", id)
	}
	if err := os.Remove(filepath.Join(dir, id+".yaml")); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("delete profile %s: %w", id, err)
	}
	return nil
}
