package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gongwen/document"
	"gongwen/library"
	"gongwen/register"
	"gongwen/store"
)

// The register (发文登记簿) and the manuscript library in the app: the 取号 button beside the
// 发文字号 field, 存入文稿库, the 文稿库 and 发文登记簿 windows (register_views.go) and the
// database setting. The database is opened on first use.

func init() {
	// the register's strings live in their own files beside the app's (i18n/register.*.json)
	for _, l := range []string{LangZh, LangEn} {
		b, err := i18nFS.ReadFile("i18n/register." + l + ".json")
		if err != nil {
			continue
		}
		m := map[string]string{}
		if json.Unmarshal(b, &m) != nil {
			continue
		}
		if trMaps[l] == nil {
			trMaps[l] = map[string]string{}
		}
		for k, v := range m {
			if _, ok := trMaps[l][k]; !ok {
				trMaps[l][k] = v
			}
		}
	}
}

// Preferences of the register.
const (
	prefDBURL     = "register.db"   // the database URL; "" means $GONGWEN_DB or the user's own SQLite file
	prefLastCode  = "register.code" // the 机关代字 last taken from
	prefLibLinks  = "library.links" // which library manuscript each draft file is, and its version
	maxLibLinks   = 200
	dbOpenTimeout = 20 * time.Second
)

// registerState is the UI's database connection.
type registerState struct {
	db  *store.DB
	url string
}

// regDB opens (once) the database the settings name.
func (u *UI) regDB() (*store.DB, error) {
	if u.reg == nil {
		u.reg = &registerState{}
	}
	url := strings.TrimSpace(u.App.Preferences().String(prefDBURL))
	if u.reg.db != nil && u.reg.url == url {
		return u.reg.db, nil
	}
	if u.reg.db != nil {
		u.reg.db.Close()
		u.reg.db = nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), dbOpenTimeout)
	defer cancel()
	db, err := store.Open(ctx, url)
	if err != nil {
		return nil, errorf("reg.err.db", err)
	}
	u.reg.db, u.reg.url = db, url
	return db, nil
}

// libLink is the library manuscript a draft file was saved to or opened from.
type libLink struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

func (u *UI) libLinks() map[string]libLink {
	m := map[string]libLink{}
	_ = json.Unmarshal([]byte(u.App.Preferences().String(prefLibLinks)), &m)
	return m
}

func (u *UI) setLibLink(path string, l libLink) {
	if path == "" {
		return
	}
	m := u.libLinks()
	m[path] = l
	if len(m) > maxLibLinks {
		for p := range m {
			if _, err := os.Stat(p); err != nil {
				delete(m, p)
			}
		}
	}
	b, _ := json.Marshal(m)
	u.App.Preferences().SetString(prefLibLinks, string(b))
}

// libLinkOf is the manuscript the open draft belongs to, if any.
func (u *UI) libLinkOf() (libLink, bool) {
	if u.Model.Path == "" {
		return libLink{}, false
	}
	l, ok := u.libLinks()[u.Model.Path]
	return l, ok
}

// who is the name recorded in the register and the library.
func who() string { return store.User() }

// numberInput puts the 取号 button beside the 发文字号 field.
func (ed *editor) numberInput(e *widget.Entry) fyne.CanvasObject {
	take := widget.NewButtonWithIcon(T("reg.take"), theme.ContentAddIcon(), func() { ed.u.safe(func() { ed.u.TakeNumberDialog(e) }) })
	return container.NewBorder(nil, nil, nil, take, e)
}

var codePrefix = regexp.MustCompile(`^\s*([^\s〔\[［【(（]+)\s*[〔\[［【(（]`)

// leadCode guesses the 机关代字 to take a number from: the typed 发文字号's, else the lead
// organ's profile (a joint document carries the lead organ's number only), else the last one used.
func (u *UI) leadCode(typed string) string {
	if m := codePrefix.FindStringSubmatch(typed); m != nil {
		return m[1]
	}
	if doc := u.Model.Doc; doc != nil && len(doc.Issuers) > 0 {
		for _, p := range u.Model.Profiles {
			if p.Code != "" && (p.FullName == doc.Issuers[0].Name || p.ShortName == doc.Issuers[0].Name) {
				return p.Code
			}
		}
	}
	return u.App.Preferences().String(prefLastCode)
}

// knownCodes lists the 机关代字 of the register and of the unit profiles.
func (u *UI) knownCodes(reg *register.Register) []string {
	seen := map[string]bool{}
	var out []string
	add := func(c string) {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	if seqs, err := reg.Sequences(context.Background()); err == nil {
		for _, s := range seqs {
			add(s.Code)
		}
	}
	for _, p := range u.Model.Profiles {
		add(p.Code)
	}
	sort.Strings(out)
	return out
}

// TakeNumber takes the next number of code and year for the open draft (or reuses the released
// serial reuse when positive), writes it into the 发文字号 and remembers the code.
func (u *UI) TakeNumber(code string, year, reuse int) (register.Entry, error) {
	db, err := u.regDB()
	if err != nil {
		return register.Entry{}, err
	}
	reg := register.New(db)
	docID := ""
	if l, ok := u.libLinkOf(); ok {
		docID = l.ID
	}
	ctx := context.Background()
	var e register.Entry
	if reuse > 0 {
		e, err = reg.TakeReleased(ctx, code, year, reuse, who(), docID)
	} else {
		e, err = reg.Take(ctx, code, year, who(), docID)
	}
	if err != nil {
		return e, err
	}
	u.App.Preferences().SetString(prefLastCode, code)
	if u.Model.HasDocument() {
		if u.ed != nil {
			if ff, ok := u.ed.fields[document.PathNumber]; ok && ff.entry != nil {
				ff.entry.SetText(e.Number()) // OnChanged records the edit
				return e, nil
			}
		}
		if u.Model.Set(document.PathNumber, e.Number()) && u.ed != nil {
			u.ed.afterEdit()
		}
	}
	return e, nil
}

// TakeNumberDialog asks for the 机关代字 and year (and whether to fill a gap) and takes a number.
func (u *UI) TakeNumberDialog(e *widget.Entry) {
	db, err := u.regDB()
	if err != nil {
		u.showError(err)
		return
	}
	reg := register.New(db)
	code := widget.NewSelectEntry(u.knownCodes(reg))
	code.SetText(u.leadCode(e.Text))
	year := widget.NewEntry()
	year.SetText(strconv.Itoa(time.Now().Year()))
	gap := widget.NewSelect(nil, nil)
	info := widget.NewLabel("")
	info.Wrapping = fyne.TextWrapWord
	refresh := func(string) {
		y, _ := strconv.Atoi(strings.TrimSpace(year.Text))
		c := strings.TrimSpace(code.Text)
		opts := []string{T("reg.take.next")}
		if c != "" && y > 0 {
			gaps, _ := reg.Gaps(context.Background(), c, y)
			for _, g := range gaps {
				opts = append(opts, T("reg.take.gap", register.FormatNumber(c, y, g)))
			}
			if len(gaps) > 0 {
				info.SetText(T("reg.take.gaps", len(gaps)))
			} else {
				info.SetText("")
			}
		}
		gap.Options = opts
		gap.SetSelectedIndex(0)
	}
	code.OnChanged = wrapArg(u, refresh)
	year.OnChanged = wrapArg(u, refresh)
	u.safe(func() { refresh("") })
	form := widget.NewForm(widget.NewFormItem(T("reg.code"), code), widget.NewFormItem(T("reg.year"), year),
		widget.NewFormItem(T("reg.take.which"), gap))
	body := container.NewVBox(newHelp(T("reg.take.help")), form, info)
	u.ask(T("reg.take.title"), body, nil, choice{label: T("reg.take"), imp: widget.HighImportance, act: func() {
		y, err := strconv.Atoi(strings.TrimSpace(year.Text))
		if err != nil {
			u.showError(errorf("reg.err.year", year.Text))
			return
		}
		reuse := 0
		if i := gap.SelectedIndex(); i > 0 {
			gaps, _ := reg.Gaps(context.Background(), strings.TrimSpace(code.Text), y)
			if i-1 < len(gaps) {
				reuse = gaps[i-1]
			}
		}
		got, err := u.TakeNumber(strings.TrimSpace(code.Text), y, reuse)
		if err != nil {
			u.showError(err)
			return
		}
		u.toast(T("reg.taken", got.Number()))
	}})
}

// SaveToLibrary stores the open draft in the library: a new version of the manuscript it came
// from, or a new manuscript.
func (u *UI) SaveToLibrary() (library.Doc, error) {
	if !u.Model.HasDocument() {
		return library.Doc{}, errorf("err.nodoc")
	}
	db, err := u.regDB()
	if err != nil {
		return library.Doc{}, err
	}
	doc := u.Model.Snapshot()
	library.Portable(doc)
	data, err := marshalDraft(doc)
	if err != nil {
		return library.Doc{}, err
	}
	link, _ := u.libLinkOf()
	lib := library.New(db)
	d, err := lib.Save(context.Background(), library.Save{ID: link.ID, Base: link.Version, Draft: string(data), Who: who()})
	if err != nil && errors.Is(err, library.ErrNotFound) && link.ID != "" {
		// the manuscript is not in this database (another database chosen since): a new one
		d, err = lib.Save(context.Background(), library.Save{Draft: string(data), Who: who()})
	}
	if err != nil {
		return library.Doc{}, err
	}
	if u.Model.Path == "" {
		// a draft never saved lives on as the manuscript's file in the app's folder
		dir := filepath.Join(u.opts.RecoveryDir, "library")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return d, err
		}
		if err := u.Model.SaveAs(filepath.Join(dir, d.ID+".yaml")); err != nil {
			return d, err
		}
		u.updateTitle()
	}
	u.setLibLink(u.Model.Path, libLink{ID: d.ID, Version: d.Head})
	return d, nil
}

// OpenLibraryVersion opens a version of a manuscript in the editor, as a draft file in the app's
// folder linked to the manuscript (存入文稿库 then adds a version).
func (u *UI) OpenLibraryVersion(id string, n int) error {
	db, err := u.regDB()
	if err != nil {
		return err
	}
	lib := library.New(db)
	v, err := lib.Version(context.Background(), id, n)
	if err != nil {
		return err
	}
	d, err := lib.Get(context.Background(), id)
	if err != nil {
		return err
	}
	dir := filepath.Join(u.opts.RecoveryDir, "library")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	path := filepath.Join(dir, id+".yaml")
	if n != 0 && n != d.Head {
		path = filepath.Join(dir, id+"-v"+strconv.Itoa(n)+".yaml")
	}
	if err := writeAtomic(path, []byte(v.Draft)); err != nil {
		return err
	}
	u.setLibLink(path, libLink{ID: id, Version: d.Head})
	u.OpenPath(path)
	return nil
}

// registerMenu is the 登记 menu.
func (u *UI) registerMenu() *fyne.Menu {
	item := func(label string, act func()) *fyne.MenuItem {
		return fyne.NewMenuItem(T(label), func() { u.safe(act) })
	}
	return fyne.NewMenu(T("reg.menu"),
		item("reg.menu.save", func() {
			d, err := u.SaveToLibrary()
			if err != nil {
				u.showError(err)
				return
			}
			u.toast(T("reg.saved", d.Title, d.Head))
		}),
		item("reg.menu.library", func() { u.ShowLibrary() }),
		item("reg.menu.register", func() { u.ShowRegister() }),
		fyne.NewMenuItemSeparator(),
		item("reg.menu.db", u.DatabaseDialog),
	)
}

// DatabaseDialog sets the database: empty for the user's own file, or an office's PostgreSQL URL.
func (u *UI) DatabaseDialog() {
	url := widget.NewEntry()
	url.SetText(u.App.Preferences().String(prefDBURL))
	def, _ := store.DefaultURL()
	url.SetPlaceHolder(def)
	body := container.NewVBox(newHelp(T("reg.db.help")), url)
	u.ask(T("reg.db.title"), body, nil, choice{label: T("reg.db.use"), imp: widget.HighImportance, act: func() {
		old := u.App.Preferences().String(prefDBURL)
		u.App.Preferences().SetString(prefDBURL, strings.TrimSpace(url.Text))
		db, err := u.regDB()
		if err != nil {
			u.App.Preferences().SetString(prefDBURL, old)
			u.showError(err)
			return
		}
		u.toast(T("reg.db.ok", string(db.Engine), db.Where))
	}})
}

// showOn shows an error in a window of the register (not the editor's).
func showOn(w fyne.Window, err error) {
	if err == nil {
		return
	}
	d := dialog.NewCustom(T("err.title"), T("close"), dialogText(err.Error()), w)
	d.Show()
}
