package main

import (
	goctx "context"
	"errors"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/expatcentre/loket/api"
	"github.com/expatcentre/loket/widget"
)

// The limits of loket serve's HTTP server.
const (
	// maxRequests is the most requests answered at once; one more gets
	// 503 Service Unavailable at once.
	maxRequests = 256
	// shutdownTimeout is how long a stop waits for the requests under
	// way.
	shutdownTimeout = 10 * time.Second
	// defaultAddress is where loket serve listens without --addr: this
	// machine only.
	defaultAddress = "127.0.0.1:8080"
)

// setupServe is "loket serve": the widget and a demo page over HTTP.
func setupServe(fs *flagSet) func(c *context, args []string) int {
	addr := fs.String("addr", "cli.arg.address", "cli.flag.address", true)
	*addr = defaultAddress
	flags := addWidgetFlags(fs)
	return func(c *context, args []string) int {
		if pr := cmpProblem(noArguments(args), checkAddress(*addr)); pr != nil {
			return c.failUsage(pr)
		}
		cs, ok := c.loadWidgetCentres(flags)
		if !ok {
			return 1
		}
		// Listen before the build, so that a taken port is said at once;
		// a connection made meanwhile waits for the build.
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return c.fail(1, "cli.serve.listen", map[string]any{"Address": *addr, "Error": netError(err)})
		}
		defer ln.Close()
		// A signal during the build ends loket at once, as it does any
		// command: there is nothing to finish.
		b, ok := c.buildBundle(goctx.Background(), widget.Options{Centres: cs, Now: time.Now()})
		if !ok {
			return 1
		}
		ctx, stop := signal.NotifyContext(goctx.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		h, err := api.New(api.Config{Centres: cs, Now: time.Now})
		if err != nil {
			return c.fail(1, "cli.serve.error", map[string]any{"Error": err.Error()})
		}
		srv := newServer(serveMux(b, h))
		base := "http://" + displayAddress(ln.Addr()) + "/"
		writeLine(c.stdout, c.p, "cli.serve.listening", map[string]any{"URL": base, "Widget": base + "widget/loket.js", "API": base + "api/v1/openapi.json"})
		err = serveUntil(ctx, srv, ln, shutdownTimeout, func() {
			writeLine(c.stderr, c.p, "cli.serve.stopping", map[string]any{"Seconds": int(shutdownTimeout / time.Second)})
		})
		if err != nil {
			return c.fail(1, "cli.serve.error", map[string]any{"Error": err.Error()})
		}
		writeLine(c.stderr, c.p, "cli.serve.stopped", nil)
		return 0
	}
}

// serveMux returns the routes of loket serve: the widget's files under
// /widget/ (widget.Handler), the HTTP API under /api/v1/ (package api,
// apiHandler) and the demo page at / (widget.Demo).
func serveMux(b *widget.Bundle, apiHandler http.Handler) *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle(api.Prefix, apiHandler)
	mux.Handle("/widget/", http.StripPrefix("/widget", widget.Handler(b)))
	mux.Handle("/", widget.Demo(b, "/widget/"))
	return mux
}

// newServer returns loket serve's server of h: at most maxRequests
// requests at once, and timeouts for clients that are slow to send a
// request (the headers in 5 seconds, the whole request in 10) or to read
// the answer (60 seconds: loket.wasm without compression over a slow
// line), and for idle connections.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           limitRequests(maxRequests, h),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		// net/http's log of broken connections and bad TLS handshakes is
		// English and for a developer; loket serve says nothing of them.
		ErrorLog: log.New(io.Discard, "", 0),
	}
}

// limitRequests answers at most n requests at once with h; one more gets
// 503 Service Unavailable with Retry-After at once, rather than wait: the
// server's memory and goroutines stay bounded, and a client (or a load
// balancer) can try again.
func limitRequests(n int, h http.Handler) http.Handler {
	sem := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case sem <- struct{}{}:
			defer func() { <-sem }()
			h.ServeHTTP(w, r)
		default:
			if strings.HasPrefix(r.URL.Path, api.Prefix) {
				api.Busy(w, r, 1) // a problem document, as the API's every error
				return
			}
			w.Header().Set("Retry-After", "1")
			http.Error(w, http.StatusText(http.StatusServiceUnavailable), http.StatusServiceUnavailable)
		}
	})
}

// serveUntil serves ln with srv until ctx is done, then calls stopping and
// shuts srv down: no new connection, the requests under way answered for
// at most timeout, then every connection closed. It returns nil after a
// clean stop, and the error of a server that failed or did not stop in
// time.
func serveUntil(ctx goctx.Context, srv *http.Server, ln net.Listener, timeout time.Duration, stopping func()) error {
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return err // Serve returns only on failure before Shutdown
	case <-ctx.Done():
	}
	stopping()
	sctx, cancel := goctx.WithTimeout(goctx.Background(), timeout)
	defer cancel()
	err := srv.Shutdown(sctx)
	if err != nil {
		srv.Close()
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// checkAddress checks the value of --addr: host:port, with a port number.
func checkAddress(addr string) *problem {
	_, port, err := net.SplitHostPort(addr)
	n, perr := strconv.Atoi(port)
	if err != nil || perr != nil || n < 0 || n > 65535 {
		return usageProblem("cli.flag.address_bad", map[string]any{"Value": quote(addr)})
	}
	return nil
}

// displayAddress returns the address a browser can open: the listener's,
// with localhost for an address of every interface.
func displayAddress(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// netError returns why a listen failed: in the output language for a
// port in use, an address of another machine or a port that needs
// privileges, else the system's message without the operation and
// address that the message framing it names.
func netError(err error) any {
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return message{"cli.serve.in_use", nil}
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return message{"cli.serve.not_here", nil}
	case errors.Is(err, fs.ErrPermission):
		return message{"cli.file.permission", nil}
	}
	var oe *net.OpError
	if errors.As(err, &oe) && oe.Err != nil {
		var se *os.SyscallError
		if errors.As(oe.Err, &se) {
			return se.Err.Error()
		}
		return oe.Err.Error()
	}
	return err.Error()
}
