package library

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"time"

	"gongwen/store"
)

// The exchange ZIP holds manifest.json and, per manuscript, docs/<id>/document.json (its state,
// versions' metadata and status history) and docs/<id>/v<N>.yaml (each version's draft).
const (
	exchangeFormat  = "gongwen-library"
	exchangeVersion = 1
)

type manifest struct {
	Format     string   `json:"format"`
	Version    int      `json:"version"`
	ExportedAt string   `json:"exported_at"`
	ExportedBy string   `json:"exported_by"`
	Documents  []string `json:"documents"`
}

type docFile struct {
	Doc      Doc            `json:"document"`
	Versions []Version      `json:"versions"`
	History  []StatusChange `json:"history"`
}

// Export writes the manuscripts ids (all when empty) with every version and their status history
// as one ZIP to w.
func (l *Library) Export(ctx context.Context, w io.Writer, ids []string, who string) error {
	if len(ids) == 0 {
		docs, err := l.Search(ctx, Query{})
		if err != nil {
			return err
		}
		for i := len(docs) - 1; i >= 0; i-- {
			ids = append(ids, docs[i].ID)
		}
	}
	z := zip.NewWriter(w)
	exported := store.Now()
	// put writes one entry dated when (an RFC 3339 time of the store; the export's time when it
	// does not parse), so that an unzip tool shows real dates instead of the ZIP epoch of 1980.
	put := func(name string, data []byte, when string) error {
		t, err := time.Parse(time.RFC3339, when)
		if err != nil {
			t, _ = time.Parse(time.RFC3339, exported)
		}
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: t.UTC()})
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	m := manifest{Format: exchangeFormat, Version: exchangeVersion, ExportedAt: exported, ExportedBy: who, Documents: ids}
	for _, id := range ids {
		d, err := l.Get(ctx, id)
		if err != nil {
			return err
		}
		vs, err := l.Versions(ctx, id)
		if err != nil {
			return err
		}
		hist, err := l.History(ctx, id)
		if err != nil {
			return err
		}
		for _, v := range vs {
			full, err := l.Version(ctx, id, v.N)
			if err != nil {
				return err
			}
			if err := put(fmt.Sprintf("docs/%s/v%d.yaml", id, v.N), []byte(full.Draft), v.SavedAt); err != nil {
				return err
			}
		}
		data, _ := json.MarshalIndent(docFile{Doc: d, Versions: vs, History: hist}, "", "  ")
		if err := put("docs/"+id+"/document.json", data, exported); err != nil {
			return err
		}
	}
	data, _ := json.MarshalIndent(m, "", "  ")
	if err := put("manifest.json", data, exported); err != nil {
		return err
	}
	return z.Close()
}

// Import limits: the exchange file is read whole and each part bounded (zip bombs).
const (
	maxImportFile  = 256 << 20
	maxImportPart  = 16 << 20
	maxImportTotal = 512 << 20
)

// ImportResult says what an import did with each manuscript.
type ImportResult struct {
	Added   []string // new in this library
	Updated []string // newer versions appended to a manuscript already here
	Same    []string // nothing new
	Copies  map[string]string
	// Copies maps the id of a manuscript whose history here and in the file went separate ways
	// to the id of the copy it was imported as (nothing here is overwritten).
}

var idRE = regexp.MustCompile(`^[0-9a-zA-Z_-]{1,64}$`)

// Import reads an exchange ZIP written by Export. A manuscript not here is added with its
// history as it was; one whose history here is the start of the file's gets the newer versions
// and status changes; one whose histories differ is added as a copy under a new id. Every draft
// must parse and match its checksum; the import is all or nothing.
func (l *Library) Import(ctx context.Context, r io.Reader) (ImportResult, error) {
	res := ImportResult{Copies: map[string]string{}}
	data, err := io.ReadAll(io.LimitReader(r, maxImportFile+1))
	if err != nil {
		return res, err
	}
	if len(data) > maxImportFile {
		return res, fmt.Errorf("交换文件超过 %d MB (too large)", maxImportFile>>20)
	}
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return res, fmt.Errorf("不是文稿库交换文件（ZIP 无法读取） (not a ZIP): %w", err)
	}
	parts := map[string][]byte{}
	total := 0
	for _, f := range z.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return res, fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(io.LimitReader(rc, maxImportPart+1))
		rc.Close()
		if err != nil {
			return res, fmt.Errorf("%s: %w", f.Name, err)
		}
		if len(b) > maxImportPart {
			return res, fmt.Errorf("%s 超过 %d MB (part too large)", f.Name, maxImportPart>>20)
		}
		if total += len(b); total > maxImportTotal {
			return res, errors.New("交换文件解压后过大 (too large when unpacked)")
		}
		parts[path.Clean(f.Name)] = b
	}
	var m manifest
	if err := json.Unmarshal(parts["manifest.json"], &m); err != nil || m.Format != exchangeFormat {
		return res, errors.New("不是 Gongwen 文稿库交换文件（缺少 manifest.json） (not a Gongwen library export)")
	}
	if m.Version > exchangeVersion {
		return res, fmt.Errorf("交换文件格式版本 %d 比本程序新，请升级 Gongwen", m.Version)
	}
	var files []docFile
	for _, id := range m.Documents {
		if !idRE.MatchString(id) {
			return res, fmt.Errorf("交换文件中的文稿编号 %q 无效", id)
		}
		var df docFile
		if err := json.Unmarshal(parts["docs/"+id+"/document.json"], &df); err != nil {
			return res, fmt.Errorf("docs/%s/document.json: %v", id, err)
		}
		if df.Doc.ID != id || len(df.Versions) == 0 {
			return res, fmt.Errorf("docs/%s/document.json 内容不完整", id)
		}
		if _, err := ParseStatus(string(df.Doc.Status)); err != nil {
			return res, fmt.Errorf("docs/%s: %v", id, err)
		}
		for k := range df.Versions {
			v := &df.Versions[k]
			if v.N != k+1 {
				return res, fmt.Errorf("docs/%s: 版本编号不连续", id)
			}
			b, ok := parts[fmt.Sprintf("docs/%s/v%d.yaml", id, v.N)]
			if !ok {
				return res, fmt.Errorf("docs/%s: 缺少第 %d 版", id, v.N)
			}
			v.Draft, v.DocID = string(b), id
			if sum(v.Draft) != v.SHA256 {
				return res, fmt.Errorf("docs/%s/v%d.yaml 校验和不符（文件损坏或被改动）", id, v.N)
			}
			if _, _, _, _, err := meta(v.Draft); err != nil {
				return res, fmt.Errorf("docs/%s/v%d.yaml: %v", id, v.N, err)
			}
		}
		for k, c := range df.History {
			_, e1 := ParseStatus(string(c.From))
			_, e2 := ParseStatus(string(c.To))
			if c.Seq != k+1 || e1 != nil || e2 != nil {
				return res, fmt.Errorf("docs/%s: 状态记录第 %d 条无效", id, k+1)
			}
		}
		if df.Doc.Head != len(df.Versions) {
			return res, fmt.Errorf("docs/%s: 最新版本号与版本数不符", id)
		}
		files = append(files, df)
	}
	err = l.db.Tx(ctx, func(tx *sql.Tx) error {
		res = ImportResult{Copies: map[string]string{}}
		for _, df := range files {
			if err := l.importOne(ctx, tx, df, &res); err != nil {
				return fmt.Errorf("《%s》(%s): %w", df.Doc.Title, df.Doc.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, fmt.Errorf("导入失败，文稿库未作改动 (import): %w", err)
	}
	return res, nil
}

func (l *Library) importOne(ctx context.Context, tx *sql.Tx, df docFile, res *ImportResult) error {
	here, err := getDoc(ctx, tx, df.Doc.ID, l.db.ForUpdate())
	if errors.Is(err, ErrNotFound) {
		res.Added = append(res.Added, df.Doc.ID)
		return insertAll(ctx, tx, df, 0, 0)
	}
	if err != nil {
		return err
	}
	// compare histories: versions by checksum, status changes by sequence
	rows, err := tx.QueryContext(ctx, `SELECT version, sha256 FROM versions WHERE doc_id = $1 ORDER BY version`, here.ID)
	if err != nil {
		return err
	}
	var sums []string
	for rows.Next() {
		var n int
		var s string
		if err := rows.Scan(&n, &s); err != nil {
			rows.Close()
			return err
		}
		sums = append(sums, s)
	}
	rows.Close()
	var nlog int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM status_log WHERE doc_id = $1`, here.ID).Scan(&nlog); err != nil {
		return err
	}
	prefix := len(sums) <= len(df.Versions) && nlog <= len(df.History)
	for k := 0; prefix && k < len(sums); k++ {
		prefix = sums[k] == df.Versions[k].SHA256
	}
	theirsPrefix := len(df.Versions) <= len(sums)
	for k := 0; theirsPrefix && k < len(df.Versions); k++ {
		theirsPrefix = sums[k] == df.Versions[k].SHA256
	}
	switch {
	case prefix && len(sums) == len(df.Versions) && nlog == len(df.History):
		res.Same = append(res.Same, here.ID)
		return nil
	case prefix:
		res.Updated = append(res.Updated, here.ID)
		d := df.Doc
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET title = $2, number = $3, genre = $4, doc_date = $5, status = $6, head = $7, updated_by = $8, updated_at = $9 WHERE id = $1`,
			d.ID, d.Title, d.Number, d.Genre, d.Date, string(d.Status), d.Head, d.UpdatedBy, d.UpdatedAt); err != nil {
			return err
		}
		return insertAll(ctx, tx, df, len(sums), nlog)
	case theirsPrefix && nlog >= len(df.History):
		res.Same = append(res.Same, here.ID) // this library is ahead
		return nil
	default:
		cp := df
		cp.Doc.ID = newID()
		res.Copies[df.Doc.ID] = cp.Doc.ID
		return insertAll(ctx, tx, cp, 0, 0)
	}
}

// insertAll writes a manuscript's row (when fromVersion is 0) and its versions and status changes
// after the first fromVersion and fromLog ones.
func insertAll(ctx context.Context, tx *sql.Tx, df docFile, fromVersion, fromLog int) error {
	d := df.Doc
	if fromVersion == 0 {
		if _, err := tx.ExecContext(ctx, `INSERT INTO documents (`+docColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			d.ID, d.Title, d.Number, d.Genre, d.Date, string(d.Status), d.Head, d.CreatedBy, d.CreatedAt, d.UpdatedBy, d.UpdatedAt); err != nil {
			return err
		}
	}
	for _, v := range df.Versions[fromVersion:] {
		if _, err := tx.ExecContext(ctx, `INSERT INTO versions (doc_id, version, draft, sha256, author, saved_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			d.ID, v.N, v.Draft, v.SHA256, v.Author, v.SavedAt, v.Note); err != nil {
			return err
		}
	}
	for _, c := range df.History[fromLog:] {
		if _, err := tx.ExecContext(ctx, `INSERT INTO status_log (doc_id, seq, from_status, to_status, who, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			d.ID, c.Seq, string(c.From), string(c.To), c.Who, c.At, c.Note); err != nil {
			return err
		}
	}
	return nil
}
