package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"
)

// TestLoad holds 200 concurrent clients on the status route of a server
// on the loopback interface, each sending its share of the requests one
// after the other, and logs the requests per second and the 99th
// percentile of the latency on this machine. Every answer must be 200
// with a status; no time is asserted. LOKET_LOAD_REQUESTS sets the
// number of requests (4,000 by default); -short skips the test.
func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("a load test")
	}
	const clients = 200
	total := 4000
	if s := os.Getenv("LOKET_LOAD_REQUESTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < clients {
			t.Fatalf("LOKET_LOAD_REQUESTS=%q: want a number of at least %d", s, clients)
		}
		total = n
	}
	srv := httptest.NewServer(server(t)) // 127.0.0.1 only
	defer srv.Close()
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	targets := []string{
		"/api/v1/centres/maastricht/desks/ind/status",
		"/api/v1/centres/maastricht/desks/ind/status?lang=en",
		"/api/v1/centres/maastricht/desks/municipality/status?at=2026-12-25T10:00:00%2B01:00",
		"/api/v1/centres/maastricht/desks/ind/status?at=2027-02-08T09:30:00Z&lang=en",
	}
	latencies := make([][]time.Duration, clients)
	errs := make(chan error, clients)
	start := time.Now()
	var wg sync.WaitGroup
	for i := range clients {
		n := total / clients
		if i < total%clients {
			n++
		}
		wg.Go(func() {
			for j := range n {
				url := srv.URL + targets[(i+j)%len(targets)]
				t0 := time.Now()
				res, err := c.Get(url)
				if err != nil {
					errs <- err
					return
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				latencies[i] = append(latencies[i], time.Since(t0))
				var v struct{ Status string }
				if err == nil && (res.StatusCode != 200 || json.Unmarshal(body, &v) != nil || v.Status == "") {
					err = fmt.Errorf("%s: %d %s", url, res.StatusCode, body)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	all := slices.Concat(latencies...)
	if len(all) != total {
		t.Fatalf("%d requests answered of %d", len(all), total)
	}
	slices.Sort(all)
	p := func(q float64) time.Duration { return all[min(len(all)-1, int(q*float64(len(all))))] }
	t.Logf("%d clients, %d requests in %v: %.0f requests/s; latency p50 %v, p99 %v, max %v",
		clients, total, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds(),
		p(0.50).Round(time.Microsecond), p(0.99).Round(time.Microsecond), all[len(all)-1].Round(time.Microsecond))
}
