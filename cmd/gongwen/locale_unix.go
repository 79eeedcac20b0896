//go:build cgo && (linux || freebsd || openbsd || netbsd)

package main

/*
#include <stdlib.h>
#include <string.h>

// Fyne's lang package reads the locale while Go initialises its packages, before main, and
// logs "Error parsing user locale C" three lines long when it is C.UTF-8 or POSIX.UTF-8
// (containers, minimal systems, ssh sessions): it takes "C" for a language. This
// constructor runs before the Go runtime reads the environment and shortens such a value
// in place to plain C, which names no language and which Fyne reads quietly; main puts the
// full value back for the programs the app starts.

static char saved_name[32];
static char saved_value[64];

__attribute__((constructor)) static void gongwen_quiet_locale(void) {
	extern char **environ;
	const char *names[] = {"LC_ALL=", "LC_MESSAGES=", "LANG="};
	for (int n = 0; n < 3; n++) {
		size_t len = strlen(names[n]);
		for (char **e = environ; e && *e; e++) {
			if (strncmp(*e, names[n], len) != 0) continue;
			char *v = *e + len;
			if (*v == 0) break; // empty: the next variable decides
			if ((strncmp(v, "C.", 2) == 0 || strncmp(v, "POSIX.", 6) == 0) && getenv("LANGUAGE") == NULL &&
			    strlen(v) < sizeof saved_value && len < sizeof saved_name) {
				strncpy(saved_name, names[n], len - 1);
				strcpy(saved_value, v);
				v[v[0] == 'C' ? 1 : 5] = 0;
			}
			return;
		}
	}
}

static const char *gongwen_saved_name(void) { return saved_name; }
static const char *gongwen_saved_value(void) { return saved_value; }
*/
import "C"

import "os"

// restoreLocale puts back the locale variable the constructor shortened.
func restoreLocale() {
	if name := C.GoString(C.gongwen_saved_name()); name != "" {
		os.Setenv(name, C.GoString(C.gongwen_saved_value()))
	}
}
