package register_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gongwen/internal/storetest"
	"gongwen/register"
	"gongwen/store"
)

var ctx = context.Background()

func TestParseNumber(t *testing.T) {
	for _, tc := range []struct {
		in           string
		code         string
		year, serial int
		bad          bool
	}{
		{in: "江政〔2026〕5号", code: "江政", year: 2026, serial: 5},
		{in: "国办发〔2024〕12号", code: "国办发", year: 2024, serial: 12},
		{in: "江政办函[2025]3号", code: "江政办函", year: 2025, serial: 3},
		{in: "江政（2025）第3号", code: "江政", year: 2025, serial: 3},
		{in: " 江政【2025】 30号 ", code: "江政", year: 2025, serial: 30},
		{in: "江政〔25〕3号", bad: true},
		{in: "江政〔2025〕0号", bad: true},
		{in: "〔2025〕3号", bad: true},
		{in: "江政2025年3号", bad: true},
	} {
		code, year, serial, err := register.ParseNumber(tc.in)
		if tc.bad {
			if err == nil {
				t.Errorf("ParseNumber(%q) accepted: %s %d %d", tc.in, code, year, serial)
			}
			continue
		}
		if err != nil || code != tc.code || year != tc.year || serial != tc.serial {
			t.Errorf("ParseNumber(%q) = %q %d %d %v", tc.in, code, year, serial, err)
		}
		if got := register.FormatNumber(code, year, serial); tc.in == got {
			continue
		} else if c2, y2, s2, _ := register.ParseNumber(got); c2 != code || y2 != year || s2 != serial {
			t.Errorf("FormatNumber round trip of %q: %q", tc.in, got)
		}
	}
}

func serials(es []register.Entry) []int {
	out := []int{}
	for _, e := range es {
		out = append(out, e.Serial)
	}
	return out
}

// TestSequence walks one office's year: several 机关代字, a new year restarting at 1, a released
// number left as a visible gap and not reused until chosen, issue with every field, and the
// transitions that are refused.
func TestSequence(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			r := register.New(storetest.Open(t, engine))
			take := func(code string, year int, doc string) register.Entry {
				t.Helper()
				e, err := r.Take(ctx, code, year, "张秘书", doc)
				if err != nil {
					t.Fatal(err)
				}
				return e
			}
			for i := 1; i <= 3; i++ {
				if e := take("江政", 2026, ""); e.Serial != i || e.Number() != fmt.Sprintf("江政〔2026〕%d号", i) || e.State != register.Reserved || e.TakenBy != "张秘书" {
					t.Fatalf("take %d: %+v", i, e)
				}
			}
			if e := take("江政办", 2026, ""); e.Serial != 1 {
				t.Errorf("second 机关代字 starts at %d", e.Serial)
			}
			if e := take("江政", 2027, ""); e.Serial != 1 {
				t.Errorf("new year starts at %d", e.Serial)
			}
			// release 2: a gap, not handed out again by Take
			if e, err := r.Release(ctx, "江政", 2026, 2, "张秘书", "文稿撤销"); err != nil || e.State != register.Released || e.Note != "文稿撤销" {
				t.Fatalf("release: %+v %v", e, err)
			}
			if gaps, _ := r.Gaps(ctx, "江政", 2026); !reflect.DeepEqual(gaps, []int{2}) {
				t.Errorf("gaps %v", gaps)
			}
			if e := take("江政", 2026, ""); e.Serial != 4 {
				t.Errorf("take after release gave %d, want 4", e.Serial)
			}
			if _, err := r.Release(ctx, "江政", 2026, 2, "张秘书", ""); err == nil {
				t.Error("released a released number")
			}
			if _, err := r.Issue(ctx, register.Entry{Code: "江政", Year: 2026, Serial: 2, Title: "x"}, "李"); err == nil {
				t.Error("issued a released number")
			}
			// the user chooses to reuse the gap
			if e, err := r.TakeReleased(ctx, "江政", 2026, 2, "王", "doc-9"); err != nil || e.State != register.Reserved || e.DocID != "doc-9" || e.TakenBy != "王" {
				t.Fatalf("reuse gap: %+v %v", e, err)
			}
			if _, err := r.TakeReleased(ctx, "江政", 2026, 3, "王", ""); err == nil {
				t.Error("reused a reserved number")
			}
			if gaps, _ := r.Gaps(ctx, "江政", 2026); len(gaps) != 0 {
				t.Errorf("gaps after reuse %v", gaps)
			}
			// issue with every field
			want := register.Entry{Code: "江政", Year: 2026, Serial: 1, Title: "江城市人民政府关于做好防汛工作的通知",
				Date: "2026年6月1日", Signer: "王市长", Recipients: "各区县人民政府", CC: "市委办公室。", Joint: []string{"江城市水务局", "江城市应急管理局"},
				Note: "急件", DocID: "doc-1"}
			got, err := r.Issue(ctx, want, "李主任")
			if err != nil {
				t.Fatal(err)
			}
			if got.State != register.Issued || got.Title != want.Title || got.Date != want.Date || got.Signer != want.Signer ||
				got.Recipients != want.Recipients || got.CC != want.CC || !reflect.DeepEqual(got.Joint, want.Joint) ||
				got.Note != want.Note || got.DocID != "doc-1" || got.UpdatedBy != "李主任" || got.TakenBy != "张秘书" {
				t.Errorf("issued entry %+v", got)
			}
			if _, err := r.Release(ctx, "江政", 2026, 1, "x", ""); err == nil {
				t.Error("released an issued number")
			}
			if _, err := r.Issue(ctx, register.Entry{Code: "江政", Year: 2026, Serial: 99, Title: "x"}, "x"); !errors.Is(err, register.ErrNotFound) {
				t.Errorf("issue of a number never taken: %v", err)
			}
			// 联合行文: the document holds one number, the lead organ's
			if _, err := r.Take(ctx, "江水", 2026, "x", "doc-1"); err == nil {
				t.Error("a second number for an issued joint document")
			}
			if _, err := r.Take(ctx, "江政", 2026, "x", "doc-9"); err == nil {
				t.Error("a second number for a document holding a reservation")
			}
			// list and filters
			all, _ := r.List(ctx, register.Filter{Code: "江政", Year: 2026})
			if !reflect.DeepEqual(serials(all), []int{1, 2, 3, 4}) {
				t.Errorf("list %v", serials(all))
			}
			iss, _ := r.List(ctx, register.Filter{State: register.Issued})
			if len(iss) != 1 || iss[0].Serial != 1 {
				t.Errorf("issued: %v", serials(iss))
			}
			if f, _ := r.List(ctx, register.Filter{Text: "防汛"}); len(f) != 1 {
				t.Errorf("text filter: %d rows", len(f))
			}
			if f, _ := r.List(ctx, register.Filter{Text: "100%_"}); len(f) != 0 {
				t.Errorf("LIKE metacharacters matched %d rows", len(f))
			}
			seqs, _ := r.Sequences(ctx)
			if want := []register.Sequence{{"江政", 2026, 5}, {"江政", 2027, 2}, {"江政办", 2026, 2}}; !reflect.DeepEqual(seqs, want) {
				t.Errorf("sequences %v, want %v", seqs, want)
			}
			if bad, err := r.Verify(ctx); err != nil || len(bad) != 0 {
				t.Errorf("verify: %v %v", bad, err)
			}
			for _, bad := range []struct {
				code string
				year int
			}{{"", 2026}, {"江政〔2026〕", 2026}, {"江政", 26}} {
				if _, err := r.Take(ctx, bad.code, bad.year, "x", ""); err == nil {
					t.Errorf("took a number for %q %d", bad.code, bad.year)
				}
			}
		})
	}
}

// TestPut: imported lines are kept as they are and the sequence continues after them.
func TestPut(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			r := register.New(storetest.Open(t, engine))
			r.Take(ctx, "江政", 2026, "x", "")
			err := r.Put(ctx, []register.Entry{
				{Code: "江政", Year: 2026, Serial: 7, State: register.Issued, Title: "七"},
				{Code: "江政", Year: 2026, Serial: 3, State: register.Released},
				{Code: "江政函", Year: 2026, Serial: 2, State: register.Issued, Title: "函二"},
			})
			if err != nil {
				t.Fatal(err)
			}
			if e, _ := r.Take(ctx, "江政", 2026, "x", ""); e.Serial != 8 {
				t.Errorf("take after import: %d, want 8", e.Serial)
			}
			if e, _ := r.Take(ctx, "江政函", 2026, "x", ""); e.Serial != 3 {
				t.Errorf("take after import: %d, want 3", e.Serial)
			}
			if err := r.Put(ctx, []register.Entry{{Code: "江政", Year: 2026, Serial: 9, State: register.Issued}, {Code: "", Year: 2026, Serial: 1, State: register.Issued}}); err == nil {
				t.Error("put accepted a line without 机关代字")
			}
			if _, err := r.Get(ctx, "江政", 2026, 9); !errors.Is(err, register.ErrNotFound) {
				t.Errorf("a refused put wrote a line: %v", err)
			}
		})
	}
}

// The helper process: with GW_REGISTER_CHILD set, TestChild is a second program working on the
// register named by GW_REGISTER_URL.
func TestChild(t *testing.T) {
	mode := os.Getenv("GW_REGISTER_CHILD")
	if mode == "" {
		t.Skip("helper process for the concurrency and kill tests")
	}
	db, err := store.Open(ctx, os.Getenv("GW_REGISTER_URL"))
	if err != nil {
		fmt.Println("ERR", err)
		os.Exit(3)
	}
	r := register.New(db)
	switch mode {
	case "take": // 8 goroutines × 200 numbers, each printed
		var mu sync.Mutex
		var wg sync.WaitGroup
		out := bufio.NewWriter(os.Stdout)
		for g := 0; g < 8; g++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := 0; i < 200; i++ {
					e, err := r.Take(ctx, "江政", 2026, "child", "")
					mu.Lock()
					if err != nil {
						fmt.Fprintln(out, "ERR", err)
					} else {
						fmt.Fprintln(out, e.Serial)
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		out.Flush()
		os.Exit(0)
	case "hang-take", "hang-issue": // stop inside the transaction and wait to be killed
		register.SetBeforeCommit(func(string) {
			fmt.Println("IN-TX")
			os.Stdout.Sync()
			time.Sleep(time.Hour)
		})
		if mode == "hang-take" {
			r.Take(ctx, "江政", 2026, "child", "doc-k")
		} else {
			r.Issue(ctx, register.Entry{Code: "江政", Year: 2026, Serial: 1, Title: "不应登记的标题", Signer: "x"}, "child")
		}
		os.Exit(4)
	}
}

func child(t *testing.T, mode, url string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GW_REGISTER_CHILD="+mode, "GW_REGISTER_URL="+url)
	return cmd
}

// TestConcurrentTake: two processes, each with 8 goroutines taking 200 numbers for the same
// 机关代字 and year at once; every number from 1 to 3200 is handed out exactly once.
func TestConcurrentTake(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			url := storetest.URL(t, engine) // empty: the two takers also race to create the schema
			start := time.Now()
			outs := make([][]byte, 2)
			errs := make([]error, 2)
			var wg sync.WaitGroup
			for p := range outs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					outs[p], errs[p] = child(t, "take", url).Output()
				}()
			}
			wg.Wait()
			seen := map[int]int{}
			for p, out := range outs {
				if errs[p] != nil {
					t.Fatalf("process %d: %v\n%s", p, errs[p], out)
				}
				for _, line := range strings.Fields(string(out)) {
					n, err := strconv.Atoi(line)
					if err != nil {
						t.Fatalf("process %d: %s", p, out)
					}
					seen[n]++
				}
			}
			const total = 2 * 8 * 200
			for n := 1; n <= total; n++ {
				if seen[n] != 1 {
					t.Errorf("number %d handed out %d times", n, seen[n])
				}
			}
			if len(seen) != total {
				t.Errorf("%d distinct numbers, want %d", len(seen), total)
			}
			db, err := store.Open(ctx, url)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			es, err := register.New(db).List(ctx, register.Filter{Code: "江政", Year: 2026})
			if err != nil || len(es) != total || es[0].Serial != 1 || es[total-1].Serial != total {
				t.Errorf("register holds %d lines (%v)", len(es), err)
			}
			t.Logf("%s: %d numbers by 2 processes × 8 goroutines in %v", engine, total, time.Since(start).Round(time.Millisecond))
		})
	}
}

// TestKillMidTransaction: a program killed with SIGKILL inside a take or an issue leaves the
// register consistent: the half-taken number does not exist and is handed out next, the
// half-issued number is still reserved with its old record.
func TestKillMidTransaction(t *testing.T) {
	for _, engine := range storetest.Engines {
		for _, op := range []string{"take", "issue"} {
			t.Run(string(engine)+"/"+op, func(t *testing.T) {
				url := storetest.URL(t, engine)
				db, err := store.Open(ctx, url)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				r := register.New(db)
				for i := 0; i < 3; i++ {
					if _, err := r.Take(ctx, "江政", 2026, "parent", ""); err != nil {
						t.Fatal(err)
					}
				}
				cmd := child(t, "hang-"+op, url)
				stdout, _ := cmd.StdoutPipe()
				cmd.Stderr = os.Stderr
				if err := cmd.Start(); err != nil {
					t.Fatal(err)
				}
				line, err := bufio.NewReader(stdout).ReadString('\n')
				if strings.TrimSpace(line) != "IN-TX" {
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("child did not reach the transaction: %q %v", line, err)
				}
				cmd.Process.Kill() // SIGKILL
				cmd.Wait()

				// a taker right after the kill waits at most for the server to notice, then proceeds
				tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				defer cancel()
				e, err := r.Take(tctx, "江政", 2026, "parent", "")
				if err != nil {
					t.Fatal(err)
				}
				if e.Serial != 4 {
					t.Errorf("take after the kill gave %d, want 4", e.Serial)
				}
				es, _ := r.List(ctx, register.Filter{Code: "江政", Year: 2026})
				if got := serials(es); !reflect.DeepEqual(got, []int{1, 2, 3, 4}) {
					t.Errorf("register after the kill: %v", got)
				}
				for _, e := range es {
					if e.State != register.Reserved || e.Title != "" || e.DocID != "" {
						t.Errorf("line %d after the kill: %+v", e.Serial, e)
					}
				}
				if bad, err := r.Verify(ctx); err != nil || len(bad) != 0 {
					t.Errorf("verify: %v %v", bad, err)
				}
			})
		}
	}
}

func TestStateLabels(t *testing.T) {
	for _, s := range []register.State{register.Reserved, register.Released, register.Issued} {
		got, err := register.ParseState(s.Label())
		if err != nil || got != s {
			t.Errorf("ParseState(%q) = %q %v", s.Label(), got, err)
		}
	}
	if _, err := register.ParseState("作废"); err == nil {
		t.Error("ParseState accepted 作废")
	}
}

// FuzzParseNumber: whatever parses formats back to a number that parses to the same parts.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"江政〔2026〕5号", "江政办函[2025]3号", "江政（2025）第3号", "〔2025〕1号", "江政〔0000〕0号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, year, serial, err := register.ParseNumber(s)
		if err != nil {
			return
		}
		c, y, n, err := register.ParseNumber(register.FormatNumber(code, year, serial))
		if err != nil || c != code || y != year || n != serial {
			t.Fatalf("%q -> %q %d %d -> %q %d %d %v", s, code, year, serial, c, y, n, err)
		}
	})
}

// TestConcurrentTakeSameDraft: takers racing for one draft — the same 机关代字 or different ones,
// new numbers or a released one — leave the draft holding exactly one number.
func TestConcurrentTakeSameDraft(t *testing.T) {
	for _, engine := range storetest.Engines {
		t.Run(string(engine), func(t *testing.T) {
			db := storetest.Open(t, engine)
			r := register.New(db)
			gap, err := r.Take(ctx, "江政函", 2026, "甲", "")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := r.Release(ctx, gap.Code, gap.Year, gap.Serial, "甲", ""); err != nil {
				t.Fatal(err)
			}
			for round := 0; round < 5; round++ {
				doc := fmt.Sprintf("doc-%d", round)
				var wg sync.WaitGroup
				var mu sync.Mutex
				won := 0
				start := make(chan struct{})
				for i := 0; i < 8; i++ {
					wg.Add(1)
					go func(i int) {
						defer wg.Done()
						<-start
						var err error
						switch i % 3 {
						case 0:
							_, err = r.Take(ctx, "江政", 2026, "甲", doc)
						case 1:
							_, err = r.Take(ctx, fmt.Sprintf("江政%d", i), 2026, "乙", doc)
						default:
							if round == 0 && i == 2 {
								_, err = r.TakeReleased(ctx, gap.Code, gap.Year, gap.Serial, "丙", doc)
							} else {
								_, err = r.Take(ctx, "江政办", 2026, "丙", doc)
							}
						}
						if err == nil {
							mu.Lock()
							won++
							mu.Unlock()
						}
					}(i)
				}
				close(start)
				wg.Wait()
				held, err := r.List(ctx, register.Filter{DocID: doc})
				if err != nil {
					t.Fatal(err)
				}
				n := 0
				for _, e := range held {
					if e.State != register.Released {
						n++
					}
				}
				if won != 1 || n != 1 {
					t.Fatalf("round %d: %d takes succeeded and the draft holds %d numbers, want 1 and 1: %+v", round, won, n, held)
				}
			}
		})
	}
}
