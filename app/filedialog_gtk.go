//go:build cgo && (linux || freebsd || openbsd || netbsd)

package app

/*
#cgo linux LDFLAGS: -ldl
#include <dlfcn.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

// GTK 3 is loaded with dlopen when the first file dialog is asked for, not linked: the
// app starts without initialising GTK (its theme, settings, fontconfig: ~9 MB of memory a
// window that never opens a file dialog does not need, issue 14), and it still starts, with
// Fyne's dialog, where GTK 3 is not installed. The few functions used are declared here
// with opaque pointers, so building needs no GTK headers.

enum { gw_open = 0, gw_save = 1, gw_folder = 2 }; // GtkFileChooserAction
enum { gw_accept = -3, gw_cancel = -6 };           // GtkResponseType

static void *gw_gtk;
static int (*gw_init_check)(int *, char ***);
static void *(*gw_dialog_new)(const char *, void *, int, const char *, ...);
static void *(*gw_filter_new)(void);
static void (*gw_filter_set_name)(void *, const char *);
static void (*gw_filter_add_pattern)(void *, const char *);
static void (*gw_add_filter)(void *, void *);
static int (*gw_set_current_folder)(void *, const char *);
static void (*gw_set_current_name)(void *, const char *);
static void (*gw_set_overwrite)(void *, int);
static void (*gw_set_default)(void *, int);
static int (*gw_run)(void *);
static char *(*gw_get_filename)(void *);
static void (*gw_free)(void *);
static void (*gw_destroy)(void *);
static int (*gw_pending)(void);
static int (*gw_iteration)(void);

// gw_load loads and initialises GTK once; NULL, or why it cannot be used.
static const char *gw_load(void) {
	static const char *failed;
	if (gw_gtk) return NULL;
	if (failed) return failed;
	void *h = dlopen("libgtk-3.so.0", RTLD_NOW | RTLD_LOCAL);
	if (!h) return failed = "GTK 3 (libgtk-3.so.0) is not installed";
#define GW_SYM(v, name) if (!(*(void **)&v = dlsym(h, name))) return failed = "GTK 3 lacks " name;
	GW_SYM(gw_init_check, "gtk_init_check")
	GW_SYM(gw_dialog_new, "gtk_file_chooser_dialog_new")
	GW_SYM(gw_filter_new, "gtk_file_filter_new")
	GW_SYM(gw_filter_set_name, "gtk_file_filter_set_name")
	GW_SYM(gw_filter_add_pattern, "gtk_file_filter_add_pattern")
	GW_SYM(gw_add_filter, "gtk_file_chooser_add_filter")
	GW_SYM(gw_set_current_folder, "gtk_file_chooser_set_current_folder")
	GW_SYM(gw_set_current_name, "gtk_file_chooser_set_current_name")
	GW_SYM(gw_set_overwrite, "gtk_file_chooser_set_do_overwrite_confirmation")
	GW_SYM(gw_set_default, "gtk_dialog_set_default_response")
	GW_SYM(gw_run, "gtk_dialog_run")
	GW_SYM(gw_get_filename, "gtk_file_chooser_get_filename")
	GW_SYM(gw_free, "g_free")
	GW_SYM(gw_destroy, "gtk_widget_destroy")
	GW_SYM(gw_pending, "gtk_events_pending")
	GW_SYM(gw_iteration, "gtk_main_iteration")
#undef GW_SYM
	int argc = 0;
	if (!gw_init_check(&argc, NULL)) return failed = "GTK could not be initialised (no display it can open)";
	// gtk_init set the locale from the environment; under plain C gettext ignores LANGUAGE,
	// so GTK's own words (the sidebar, the columns) would stay English whatever the app's
	// language: C.UTF-8 lets LANGUAGE choose
	const char *m = setlocale(LC_MESSAGES, NULL);
	if (m && (strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0)) setlocale(LC_MESSAGES, "C.UTF-8");
	gw_gtk = h;
	return NULL;
}

// gw_choose runs one file chooser; *path is the chosen file (free it) or NULL when cancelled.
static const char *gw_choose(int action, const char *title, const char *cancel, const char *accept,
                             const char *dir, const char *name, const char *filter_name, char **patterns,
                             int npatterns, char **path) {
	*path = NULL;
	const char *err = gw_load();
	if (err) return err;
	void *d = gw_dialog_new(title, NULL, action, cancel, gw_cancel, accept, gw_accept, NULL);
	if (!d) return "gtk_file_chooser_dialog_new failed";
	gw_set_default(d, gw_accept);
	if (npatterns > 0) {
		void *f = gw_filter_new();
		gw_filter_set_name(f, filter_name);
		for (int i = 0; i < npatterns; i++) gw_filter_add_pattern(f, patterns[i]);
		gw_add_filter(d, f);
	}
	if (dir && *dir) gw_set_current_folder(d, dir);
	if (action == gw_save) {
		if (name && *name) gw_set_current_name(d, name);
		gw_set_overwrite(d, 1);
	}
	if (gw_run(d) == gw_accept) {
		char *p = gw_get_filename(d);
		if (p) {
			*path = strdup(p);
			gw_free(p);
		}
	}
	gw_destroy(d);
	// no GTK main loop runs in this app: let GTK take the dialog off the screen now
	while (gw_pending()) gw_iteration();
	return NULL;
}
*/
import "C"

import (
	"errors"
	"os"
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"fyne.io/fyne/v2/lang"
)

// errGTKCancelled is the cancelled answer of the GTK chooser.
var errGTKCancelled = errors.New("file dialog cancelled")

// gtkCalls runs the GTK calls, all on one locked OS thread (GTK is not thread-safe and
// belongs to the thread that initialised it); started by the first dialog.
var (
	gtkOnce  sync.Once
	gtkCalls chan func()
)

func onGTKThread(f func()) {
	gtkOnce.Do(func() {
		gtkCalls = make(chan func())
		go func() {
			runtime.LockOSThread()
			for call := range gtkCalls {
				call()
			}
		}()
	})
	done := make(chan struct{})
	gtkCalls <- func() { defer close(done); f() }
	<-done
}

// platformChooser is GTK 3's file chooser (Linux and the BSDs), titled and with its
// buttons in the app's language; GTK's own words (the sidebar's places, the column heads)
// follow it too through gettext's LANGUAGE, from GTK's translations (gtk30.mo, in Debian's
// libgtk-3-common).
func platformChooser(r fileRequest) (string, error) {
	action, accept := C.int(C.gw_open), lang.L("Open")
	switch r.Kind {
	case chooseSave:
		action, accept = C.gw_save, lang.L("Save")
	case chooseFolder:
		action = C.gw_folder
	}
	cs := func(s string) *C.char { return C.CString(s) }
	title, cancel, acc := cs(r.Title), cs(lang.L("Cancel")), cs(accept)
	dir, name := cs(r.Dir), cs(r.Name)
	filter := cs(T("dialog.filter", strings.Join(r.Exts, " ")))
	strs := []*C.char{title, cancel, acc, dir, name, filter}
	var pats **C.char
	if len(r.Exts) > 0 {
		pats = (**C.char)(C.malloc(C.size_t(len(r.Exts)) * C.size_t(unsafe.Sizeof(uintptr(0)))))
		ps := unsafe.Slice(pats, len(r.Exts))
		for i, e := range r.Exts {
			ps[i] = cs("*" + e)
			strs = append(strs, ps[i])
		}
	}
	defer func() {
		for _, s := range strs {
			C.free(unsafe.Pointer(s))
		}
		C.free(unsafe.Pointer(pats))
	}()
	var path *C.char
	var cerr *C.char
	onGTKThread(func() {
		gtkLanguage()
		cerr = C.gw_choose(action, title, cancel, acc, dir, name, filter, pats, C.int(len(r.Exts)), &path)
	})
	if cerr != nil {
		return "", errors.New("native file dialog: " + C.GoString(cerr))
	}
	if path == nil {
		return "", errGTKCancelled
	}
	defer C.free(unsafe.Pointer(path))
	return C.GoString(path), nil
}

// cancelled tells whether a native dialog's error means the user cancelled it.
func cancelled(err error) bool { return errors.Is(err, errGTKCancelled) }

// gtkLanguage points gettext's LANGUAGE at the app's language for GTK's own words, unless
// the user set LANGUAGE (quietCLocale's "en" for Fyne is the app's, not the user's).
func gtkLanguage() {
	if v := os.Getenv("LANGUAGE"); v != "" && !(languageOurs && v == ourLanguage) {
		return
	}
	ourLanguage = "zh_CN:zh"
	if Language() == LangEn {
		ourLanguage = "en"
	}
	languageOurs = true
	os.Setenv("LANGUAGE", ourLanguage)
}
