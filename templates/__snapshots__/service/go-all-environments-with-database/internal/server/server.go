// Package server holds the HTTP routes of stock-reservations.
package server

import (
	"encoding/json"
	"net/http"
)

// New returns the service's HTTP handler. GET /healthz is what Kubernetes' liveness and readiness
// probes ask (deploy/base/deployment.yaml); add the service's own routes beside it. Unknown paths
// answer 404, known paths asked with another method 405 (net/http's method patterns).
func New() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", health)
	return mux
}

func health(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func writeJSON(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// The status is sent; a client that went away is not this handler's error to report.
	_ = json.NewEncoder(w).Encode(body)
}
