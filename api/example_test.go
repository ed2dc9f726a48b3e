package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/expatcentre/loket/api"
	"github.com/expatcentre/loket/centre"
)

func ExampleNew() {
	h, err := api.New(api.Config{Centres: []*centre.Centre{centre.Default()}, Now: time.Now})
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.Handle(api.Prefix, h)

	for _, target := range []string{
		"/api/v1/centres/maastricht/desks/ind/status?at=2026-12-25T10:00:00%2B01:00&lang=en",
		"/api/v1/centres/maastricht/desks/ind/status?at=2026-12-25T10:00:00%2B01:00&lang=nl",
		"/api/v1/centres/maastricht/desks/ind/status?at=Christmas&lang=en",
	} {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("GET", target, nil))
		var v map[string]any // an answer, or a problem
		if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
			panic(err)
		}
		if rec.Code == http.StatusOK {
			fmt.Println(rec.Code, v["status"])
		} else {
			fmt.Println(rec.Code, rec.Header().Get("Content-Type"), v["parameter"], v["detail"])
		}
	}
	// Output:
	// 200 Closed for Christmas Day, opens Tuesday 29 December at 09:00
	// 200 Gesloten vanwege Eerste Kerstdag, opent dinsdag 29 december om 09:00
	// 400 application/problem+json at The parameter at is "Christmas": expected an RFC 3339 instant such as 2026-12-22T10:00:00+01:00.
}
