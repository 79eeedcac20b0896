package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"gongwen/internal/storetest"
	"gongwen/register"
	"gongwen/store"
)

func gw(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// TestNumberCommands drives gwcli number on each engine: take prints the number alone, release
// leaves a visible gap, issue records the document (from flags or from a draft), list --json
// prints the register, export and import go through .xlsx.
func TestNumberCommands(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			db := storetest.URL(t, engine)
			t.Setenv("GONGWEN_USER", "张秘书")
			for i := 1; i <= 3; i++ {
				code, out, errs := gw("number", "take", "--code", "江政", "--year", "2026", "--db", db)
				if code != 0 || out != fmt.Sprintf("江政〔2026〕%d号\n", i) {
					t.Fatalf("take %d: %d %q %q", i, code, out, errs)
				}
			}
			if code, out, _ := gw("number", "take", "--code", "江政函", "--db", db); code != 0 || !regexp.MustCompile(`^江政函〔\d{4}〕1号\n$`).MatchString(out) {
				t.Errorf("take for this year: %d %q", code, out)
			}
			if code, _, errs := gw("number", "release", "江政〔2026〕2号", "--note", "撤销", "--db", db); code != 0 {
				t.Fatalf("release: %s", errs)
			}
			if code, _, errs := gw("number", "release", "江政〔2026〕2号", "--db", db); code != 2 || !strings.Contains(errs, "已释放") {
				t.Errorf("release twice: %d %q", code, errs)
			}
			if code, _, errs := gw("number", "issue", "江政〔2026〕1号", "--title", "关于防汛的通知", "--date", "2026年6月1日",
				"--signer", "王市长", "--to", "各区县人民政府", "--cc", "市委办公室。", "--joint", "江城市水务局、江城市应急管理局", "--db", db); code != 0 {
				t.Fatalf("issue: %s", errs)
			}
			// issue from a draft: a joint document with the lead organ's number
			draft := filepath.Join(t.TempDir(), "d.yaml")
			os.WriteFile(draft, []byte("version: 1\nissuers:\n  - name: 江城市人民政府\n  - name: 江城市水务局\nnumber: 江政〔2026〕3号\ntitle: 关于联合开展检查的通知\nrecipients: 各区县：\nbody:\n  - 正文。\ndate: 2026年6月5日\ncc: 市委。\n"), 0o644)
			if code, _, errs := gw("number", "issue", "--draft", draft, "--db", db); code != 0 {
				t.Fatalf("issue --draft: %s", errs)
			}
			code, out, errs := gw("number", "list", "--code", "江政", "--year", "2026", "--json", "--db", db)
			if code != 0 {
				t.Fatal(errs)
			}
			var es []register.Entry
			if err := json.Unmarshal([]byte(out), &es); err != nil {
				t.Fatalf("list --json: %v\n%s", err, out)
			}
			if len(es) != 3 || es[0].State != register.Issued || es[0].Title != "关于防汛的通知" || len(es[0].Joint) != 2 ||
				es[1].State != register.Released || es[1].Note != "撤销" ||
				es[2].State != register.Issued || es[2].Title != "关于联合开展检查的通知" || strings.Join(es[2].Joint, ",") != "江城市水务局" || es[2].Recipients != "各区县" ||
				es[0].TakenBy != "张秘书" {
				t.Errorf("register: %+v", es)
			}
			if code, out, _ := gw("number", "list", "--state", "已释放", "--db", db); code != 0 || !strings.Contains(out, "江政〔2026〕2号") || strings.Contains(out, "江政〔2026〕1号") {
				t.Errorf("list --state: %q", out)
			}
			if code, out, _ := gw("number", "list", "--text", "联合开展", "--db", db); code != 0 || !strings.Contains(out, "江政〔2026〕3号") || strings.Contains(out, "江政〔2026〕1号") {
				t.Errorf("list --text: %q", out)
			}
			if code, out, _ := gw("number", "list", "江政[2026]1号", "--db", db); code != 0 || !strings.Contains(out, "关于防汛的通知") || strings.Contains(out, "江政〔2026〕2号") {
				t.Errorf("list NUMBER: %q", out)
			}
			if code, _, errs := gw("number", "list", "江政〔2026〕99号", "--db", db); code != 2 || !strings.Contains(errs, "不在登记簿") {
				t.Errorf("list of a number never taken: %d %q", code, errs)
			}
			// xlsx out and into a second database
			book := filepath.Join(t.TempDir(), "登记簿.xlsx")
			if code, _, errs := gw("number", "export", "-o", book, "--db", db); code != 0 {
				t.Fatal(errs)
			}
			db2 := filepath.Join(t.TempDir(), "other.db")
			if code, _, errs := gw("number", "import", book, "--db", db2); code != 0 {
				t.Fatal(errs)
			}
			_, out2, _ := gw("number", "list", "--json", "--db", db2)
			_, out1, _ := gw("number", "list", "--json", "--db", db)
			if out1 != out2 {
				t.Errorf("register after xlsx export and import differs:\n%s\n%s", out1, out2)
			}
			if code, out, _ := gw("number", "take", "--code", "江政", "--year", "2026", "--db", db2); out != "江政〔2026〕4号\n" {
				t.Errorf("take after import: %d %q", code, out)
			}
		})
	}
}

func TestNumberUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "g.db")
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"number"}, 2, "用法"},
		{[]string{"number", "take", "--db", db}, 2, "--code"},
		{[]string{"number", "take", "--code", "江政〔2026〕", "--db", db}, 2, "机关代字"},
		{[]string{"number", "frob", "--db", db}, 2, "未知子命令"},
		{[]string{"number", "release", "江政2026年1号", "--db", db}, 2, "无法识别"},
		{[]string{"number", "release", "江政〔2026〕9号", "--db", db}, 2, "不在登记簿"},
		{[]string{"number", "list", "--state", "作废", "--db", db}, 2, "状态"},
		{[]string{"number", "export", "--db", db}, 2, "-o"},
		{[]string{"number", "take", "--code", "江政", "--db", "postgres://x:y@127.0.0.1:1/none?connect_timeout=2"}, 2, "无法连接"},
	} {
		code, _, errs := gw(tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("gwcli %s: %d %q, want %d and %q", strings.Join(tc.args, " "), code, errs, tc.code, tc.want)
		}
		// a wrong value is one line; the usage follows only a wrong command line
		if (tc.want == "无法识别" || tc.want == "状态") && strings.Count(strings.TrimSpace(errs), "\n") != 0 {
			t.Errorf("gwcli %s: %q, want one line", strings.Join(tc.args, " "), errs)
		}
	}
}

// TestDBInit: `gwcli db init` creates the schema (on PostgreSQL: the one command an office runs)
// and a database newer than the program is refused, exit 2, unchanged.
func TestDBInit(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			db := storetest.URL(t, engine)
			code, out, errs := gw("db", "init", "--db", db)
			if code != 0 || !strings.Contains(out, fmt.Sprintf("结构版本 (schema) %d", store.SchemaVersion)) {
				t.Fatalf("db init: %d %q %q", code, out, errs)
			}
			if strings.Contains(out, "@") && strings.Contains(db, "password") {
				t.Error("db init printed a password")
			}
			s, err := store.Open(t.Context(), db)
			if err != nil {
				t.Fatal(err)
			}
			s.Exec(`INSERT INTO gongwen_schema (version, name, applied_at) VALUES ($1, 'future', 'x')`, store.SchemaVersion+1)
			s.Close()
			code, _, errs = gw("db", "version", "--db", db)
			if code != 2 || !strings.Contains(errs, "新") {
				t.Errorf("db version on a newer database: %d %q", code, errs)
			}
			if code, _, _ := gw("number", "take", "--code", "江政", "--db", db); code != 2 {
				t.Errorf("take on a newer database: %d", code)
			}
		})
	}
}

// TestNumberTakeProcesses: gwcli itself, run as separate processes at once, hands out each
// number once (the register's own test does 2 processes × 8 goroutines × 200).
func TestNumberTakeProcesses(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			db := storetest.URL(t, engine)
			if code, _, errs := gw("db", "init", "--db", db); code != 0 {
				t.Fatal(errs)
			}
			const procs, each = 4, 5
			var mu sync.Mutex
			seen := map[string]int{}
			var wg sync.WaitGroup
			for p := 0; p < procs; p++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := 0; i < each; i++ {
						out, err := gwProcess("number", "take", "--code", "江政", "--year", "2026", "--db", db).Output()
						mu.Lock()
						if err != nil {
							t.Errorf("gwcli number take: %v", err)
						}
						seen[strings.TrimSpace(string(out))]++
						mu.Unlock()
					}
				}()
			}
			wg.Wait()
			for n := 1; n <= procs*each; n++ {
				if k := seen[register.FormatNumber("江政", 2026, n)]; k != 1 {
					t.Errorf("江政〔2026〕%d号 printed %d times", n, k)
				}
			}
		})
	}
}

// gwProcess is gwcli in a process of its own: this test binary running TestGwcliProcess.
func gwProcess(args ...string) *exec.Cmd {
	a, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestGwcliProcess$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GW_GWCLI_ARGS="+string(a))
	return cmd
}

// TestGwcliProcess runs gwcli with the arguments in $GW_GWCLI_ARGS and exits with its status.
func TestGwcliProcess(t *testing.T) {
	a := os.Getenv("GW_GWCLI_ARGS")
	if a == "" {
		t.Skip("helper process: gwcli in a process of its own")
	}
	var args []string
	json.Unmarshal([]byte(a), &args)
	os.Exit(run(args, os.Stdout, os.Stderr))
}
