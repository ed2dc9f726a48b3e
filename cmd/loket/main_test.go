package main

import (
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		stdout   string // in stdout
		stderr   string // in stderr
		noStdout bool
		noStderr bool
	}{
		{args: nil, code: 2, stderr: "Usage:", noStdout: true},
		{args: []string{"help"}, code: 0, stdout: "holidays  list the Dutch holidays of a year", noStderr: true},
		{args: []string{"--help"}, code: 0, stdout: "Commands:", noStderr: true},
		{args: []string{"frobnicate"}, code: 2, stderr: "loket: unknown command \"frobnicate\"\n\nloket is", noStdout: true},
		{args: []string{"help", "frobnicate"}, code: 2, stderr: "loket: unknown command \"frobnicate\"", noStdout: true},
		{args: []string{"Holidays"}, code: 2, stderr: "unknown command \"Holidays\"", noStdout: true},
	}
	for _, tt := range tests {
		code, stdout, stderr := runLoket(tt.args...)
		cmd := "loket " + strings.Join(tt.args, " ")
		if code != tt.code {
			t.Errorf("%s: exit %d, want %d", cmd, code, tt.code)
		}
		if !strings.Contains(stdout, tt.stdout) || tt.noStdout && stdout != "" {
			t.Errorf("%s: stdout %q, want %q", cmd, stdout, tt.stdout)
		}
		if !strings.Contains(stderr, tt.stderr) || tt.noStderr && stderr != "" {
			t.Errorf("%s: stderr %q, want %q", cmd, stderr, tt.stderr)
		}
	}
}

// Every command has a unique name, a summary, and answers -h with status 0.
func TestCommands(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range commands() {
		if c.name == "" || c.summary == "" || c.run == nil || seen[c.name] || c.name == "help" {
			t.Errorf("command %+v: want a unique name other than help, a summary and a run function", c)
		}
		seen[c.name] = true
		code, stdout, stderr := runLoket("help", c.name)
		if code != 0 || stdout == "" || stderr != "" {
			t.Errorf("loket help %s: exit %d, stdout %q, stderr %q", c.name, code, stdout, stderr)
		}
	}
}
