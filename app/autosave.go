package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"gongwen/document"
	"gongwen/internal/safeio"
)

// Autosave and recovery: one set of recovery files per editing session (one per draft and
// window), never offered to another window while its owner runs.
//
// A session writes RecoveryDir/autosave-ID.yaml (the draft), autosave-ID.json (where it
// belonged, when) and autosave-ID.lock (the owner's process id). At start, a window offers
// only a session whose owner process no longer runs (it crashed or was killed); a session of a
// running process — another window of this process, or another instance of the app — is
// left alone. The recovery.yaml/recovery.json of earlier versions count as a session without
// an owner.

// autosaveState is a session's part of the Model.
type autosaveState struct {
	id string // "" until the first autosave
	// adopted is the recovery the user restored: its files are removed once this session has
	// autosaved the document (or saved it), never before.
	adopted *Recovery
}

// Recovery is an autosaved draft found at start.
type Recovery struct {
	Doc   *document.Document
	Path  string // the draft file it belonged to, "" for a document never saved
	Saved time.Time
	// files are the session's recovery files (draft, meta, lock).
	files [3]string
}

type recoveryMeta struct {
	Path     string    `json:"path"`
	Imported string    `json:"imported,omitempty"`
	Saved    time.Time `json:"saved"`
	PID      int       `json:"pid,omitempty"`
}

// sessionSeq numbers the sessions of this process.
var sessionSeq atomic.Uint64

// sessionFiles are the draft, meta and lock files of session id ("" is the legacy pair).
func (m *Model) sessionFiles(id string) [3]string {
	if id == "" {
		return [3]string{filepath.Join(m.RecoveryDir, "recovery.yaml"), filepath.Join(m.RecoveryDir, "recovery.json"), ""}
	}
	base := filepath.Join(m.RecoveryDir, "autosave-"+id)
	return [3]string{base + ".yaml", base + ".json", base + ".lock"}
}

// NeedsAutosave reports whether the document changed since the last autosave.
func (m *Model) NeedsAutosave() bool {
	return m.Doc != nil && m.RecoveryDir != "" && m.Dirty && m.recoveredRev != m.rev
}

// Autosave writes the document to this session's recovery files when it changed since the
// last time. The lock file, written first, names this process as the owner.
func (m *Model) Autosave() error {
	if !m.NeedsAutosave() {
		return nil
	}
	data, err := marshalDraft(m.Doc)
	if err != nil {
		return errorf("err.autosave", err)
	}
	if m.autosave.id == "" {
		m.autosave.id = fmt.Sprintf("%d-%d-%d", os.Getpid(), time.Now().UnixNano(), sessionSeq.Add(1))
	}
	f := m.sessionFiles(m.autosave.id)
	if err := writeAtomic(f[2], []byte(strconv.Itoa(os.Getpid())+"\n")); err != nil {
		return errorf("err.autosave", err)
	}
	mb, _ := json.Marshal(recoveryMeta{Path: m.Path, Imported: m.Imported, Saved: time.Now(), PID: os.Getpid()})
	if err := writeAtomic(f[1], mb); err != nil {
		return errorf("err.autosave", err)
	}
	if err := writeAtomic(f[0], data); err != nil {
		return errorf("err.autosave", err)
	}
	m.recoveredRev = m.rev
	// the restored session's files are superseded by this one's
	if a := m.autosave.adopted; a != nil {
		removeFiles(a.files)
		m.autosave.adopted = nil
	}
	return nil
}

// ClearRecovery removes this session's recovery files (after a save, or when the user
// discards the document), and those of a recovery it restored. Other sessions' are left.
func (m *Model) ClearRecovery() {
	if m.RecoveryDir == "" {
		return
	}
	if m.autosave.id != "" {
		removeFiles(m.sessionFiles(m.autosave.id))
		m.autosave.id = ""
	}
	if a := m.autosave.adopted; a != nil {
		removeFiles(a.files)
		m.autosave.adopted = nil
	}
	m.recoveredRev = 0
}

// DropRecovery removes the files of a recovery the user declined (放弃).
func (m *Model) DropRecovery(r *Recovery) {
	if r != nil {
		removeFiles(r.files)
	}
}

func removeFiles(files [3]string) {
	// the draft first: a lock without a draft is nothing to offer
	for _, f := range files {
		if f != "" {
			os.Remove(f)
		}
	}
}

// orphan is a session whose owner no longer runs.
type orphan struct {
	id    string
	saved time.Time
}

// orphans lists the sessions in RecoveryDir whose owner is not running, newest first.
func (m *Model) orphans() []orphan {
	var out []orphan
	if _, err := os.Lstat(m.sessionFiles("")[0]); err == nil {
		out = append(out, orphan{id: ""})
	}
	ents, _ := os.ReadDir(m.RecoveryDir)
	for _, e := range ents {
		name, ok := strings.CutPrefix(e.Name(), "autosave-")
		if !ok || !strings.HasSuffix(name, ".yaml") {
			continue
		}
		id := strings.TrimSuffix(name, ".yaml")
		if id == m.autosave.id || ownerRuns(m.sessionFiles(id)[2]) {
			continue
		}
		o := orphan{id: id}
		if st, err := e.Info(); err == nil {
			o.saved = st.ModTime()
		}
		out = append(out, o)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].saved.After(out[j].saved) })
	return out
}

// ownerRuns reports whether the process named in a lock file is running. A lock that cannot
// be read is taken as running when it is fresh (being written), as gone when it is old.
func ownerRuns(lock string) bool {
	b, err := os.ReadFile(lock)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return false
		}
		st, serr := os.Stat(lock)
		return serr == nil && time.Since(st.ModTime()) < time.Minute
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil || pid <= 0 {
		return false
	}
	return processRuns(pid)
}

// PendingRecovery reads the recovery files left by a session that did not end cleanly and
// whose owner no longer runs (the newest, when there are several). It returns nil, nil when
// there is none. A recovery file that cannot be read is moved aside (never overwritten) and
// reported.
func (m *Model) PendingRecovery() (*Recovery, error) {
	if m.RecoveryDir == "" {
		return nil, nil
	}
	for _, o := range m.orphans() {
		r, err := m.readRecovery(o.id)
		if r == nil && err == nil {
			continue
		}
		return r, err
	}
	return nil, nil
}

func (m *Model) readRecovery(id string) (*Recovery, error) {
	files := m.sessionFiles(id)
	draft, meta := files[0], files[1]
	data, err := safeio.ReadFile(draft, document.MaxDraftSize)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, errorf("err.recover.read", draft, err)
	}
	var rm recoveryMeta
	if mb, err := os.ReadFile(meta); err == nil {
		_ = json.Unmarshal(mb, &rm)
	}
	doc, err := parseDraft(draft, data)
	if err != nil {
		aside := filepath.Join(m.RecoveryDir, fmt.Sprintf("recovery-unreadable-%s.yaml", time.Now().Format("20060102-150405")))
		if rerr := os.Rename(draft, aside); rerr != nil {
			// left in place, the next autosave would replace it: keep this session from autosaving
			m.RecoveryDir = ""
			return nil, errorf("err.recover.stuck", err, rerr, draft)
		}
		os.Remove(meta)
		if files[2] != "" {
			os.Remove(files[2])
		}
		if errors.Is(err, document.ErrNewerVersion) {
			return nil, errorf("err.recover.newer", aside)
		}
		return nil, errorf("err.recover.broken", err, aside)
	}
	if rm.Saved.IsZero() {
		if st, err := os.Stat(draft); err == nil {
			rm.Saved = st.ModTime()
		}
	}
	return &Recovery{Doc: doc, Path: rm.Path, Saved: rm.Saved, files: files}, nil
}

// Restore makes a recovered draft the current document (unsaved). Its recovery files stay
// until this session has autosaved or saved the document.
func (m *Model) Restore(r *Recovery) {
	m.reset(r.Doc, m.genreFor(r.Doc))
	m.Path = r.Path
	m.Dirty = true
	m.autosave.adopted = r
}
