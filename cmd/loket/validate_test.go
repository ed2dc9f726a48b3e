package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/expatcentre/loket/examples/centres"
)

// writeFiles writes files into a new directory and returns it.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const oneDesk = `id: small
name: {nl: Klein, en: Small}
time_zone: UTC
desks:
  - id: desk
    name: {nl: Balie, en: Desk}
    hours: Mo-Fr 09:00-17:00
`

const broken = `id: broken
name: {nl: Kapot}
desks:
  - id: ind
    name: {nl: IND-servicepunt, en: IND service point}
    hours: Tu,Th 9h-12:30
    apointment: true
`

func TestValidate(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"maastricht.yaml": string(centres.Maastricht()),
		"small.yaml":      oneDesk,
		"broken.yaml":     broken,
	})
	path := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		args           []string
		code           int
		stdout, stderr string // exactly
	}{
		{
			args:   []string{"--lang", "en", path("maastricht.yaml"), path("small.yaml")},
			stdout: path("maastricht.yaml") + ": ok, centre maastricht, 2 desks, time zone Europe/Amsterdam\n" + path("small.yaml") + ": ok, centre small, 1 desk, time zone UTC\n",
		},
		{
			args:   []string{"-lang", "nl", path("maastricht.yaml"), path("small.yaml")},
			stdout: path("maastricht.yaml") + ": in orde, centrum maastricht, 2 balies, tijdzone Europe/Amsterdam\n" + path("small.yaml") + ": in orde, centrum small, 1 balie, tijdzone UTC\n",
		},
		{
			// Every error of the invalid file; the valid files are still
			// checked and summed up.
			args:   []string{path("maastricht.yaml"), path("broken.yaml"), path("small.yaml"), "--lang", "en"},
			code:   1,
			stdout: path("maastricht.yaml") + ": ok, centre maastricht, 2 desks, time zone Europe/Amsterdam\n" + path("small.yaml") + ": ok, centre small, 1 desk, time zone UTC\n",
			stderr: "loket validate: the centre file " + path("broken.yaml") + " has 3 errors:\n" +
				path("broken.yaml") + ":2:7: name.en: missing the text in English\n" +
				path("broken.yaml") + ":6:18: desks[0].hours: column 7: expected a time like 09:00, found \"9h\"\n" +
				path("broken.yaml") + ":7:5: desks[0].apointment: unknown field \"apointment\"; did you mean \"appointment\"?\n",
		},
		{
			args:   []string{path("missing.yaml"), path("small.yaml")},
			code:   1,
			stdout: path("small.yaml") + ": in orde, centrum small, 1 balie, tijdzone UTC\n",
			stderr: "loket validate: " + path("missing.yaml") + ": kan niet worden gelezen: het bestand bestaat niet\n",
		},
		{args: []string{"-lang", "en"}, code: 2, stderr: usageError("validate", "no files given")},
		{args: []string{"-lang", "de", path("small.yaml")}, code: 2, stderr: "loket validate: --lang \"de\": verwacht nl of en\n"},
		{args: []string{"-x", "-lang", "en"}, code: 2, stderr: usageError("validate", "unknown flag -x")},
	}
	for _, tt := range tests {
		code, stdout, stderr := runLoket(append([]string{"validate"}, tt.args...)...)
		cmd := "loket validate " + strings.Join(tt.args, " ")
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d", cmd, code, tt.code)
		}
		if stdout != tt.stdout {
			t.Errorf("%s: stdout\n%s\nwant\n%s", cmd, stdout, tt.stdout)
		}
		if tt.code == 2 && !strings.HasPrefix(stderr, tt.stderr) || tt.code != 2 && stderr != tt.stderr {
			t.Errorf("%s: stderr\n%s\nwant\n%s", cmd, stderr, tt.stderr)
		}
	}
}

// The example centres that ship with loket validate.
func TestValidateExamples(t *testing.T) {
	files, err := filepath.Glob("../../examples/centres/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example centres: %v", err)
	}
	code, stdout, stderr := runLoket(append([]string{"validate", "--lang", "en"}, files...)...)
	if code != 0 || stderr != "" || strings.Count(stdout, ": ok, centre ") != len(files) {
		t.Errorf("loket validate %v: exit %d\n%s%s", files, code, stdout, stderr)
	}
}
