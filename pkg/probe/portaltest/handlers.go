package portaltest

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// maxBody bounds a request body the portal reads.
const maxBody = 64 << 10

// me describes the caller.
func (a *API) me(w http.ResponseWriter, _ *http.Request, p *principal) {
	writeJSON(w, http.StatusOK, map[string]any{"sub": p.Sub, "tenant": p.Tenant, "role": p.Role})
}

// visible reports whether p may see r under s. An anonymous caller (nil)
// has no tenant to compare, so it sees everything: the fault of a route
// whose authentication is optional.
func visible(p *principal, r record, s scope) bool {
	return s == allTenants || p == nil || r.tenant() == p.Tenant
}

// list serves the objects of kind the caller may see, through view when
// it is set, as {"items": […], "total": n}.
func (a *API) list(kind string, s scope, view func(record) record) func(http.ResponseWriter, *http.Request, *principal) {
	return func(w http.ResponseWriter, _ *http.Request, p *principal) {
		items := a.data.list(kind, func(r record) bool { return visible(p, r, s) })
		if view != nil {
			for i, r := range items {
				items[i] = view(r)
			}
		}
		writeJSON(w, http.StatusOK, map[string]any{"items": items, "total": len(items)})
	}
}

// directoryEntry is what the user directory shows of a user.
func directoryEntry(r record) record {
	return record{"id": r["id"], "tenant": r["tenant"], "company": r["company"], "name": r["name"]}
}

// get serves the object of kind named by the path parameter param. An
// object the caller may not see is answered exactly as an unknown one.
func (a *API) get(kind, param string, s scope) func(http.ResponseWriter, *http.Request, *principal) {
	return func(w http.ResponseWriter, r *http.Request, p *principal) {
		rec, ok := a.data.find(kind, r.PathValue(param))
		if !ok || !visible(p, rec, s) {
			notFound(w)
			return
		}
		writeJSON(w, http.StatusOK, rec)
	}
}

// pdf serves an invoice as a one-page PDF; only the caller's own tenant's
// invoices (an anonymous caller passes visible, see there).
func (a *API) pdf(w http.ResponseWriter, r *http.Request, p *principal) {
	rec, ok := a.data.find("invoices", r.PathValue("invoiceId"))
	if !ok || !visible(p, rec, ownTenant) {
		notFound(w)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.WriteHeader(http.StatusOK)
	text := fmt.Sprintf("Invoice %v id %v tenant %v %v amount %v %v", rec["number"], rec.id(), rec.tenant(), rec["company"], rec["amount_cents"], rec["currency"])
	fmt.Fprintf(w, "%%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\n%% %s\n%%%%EOF\n", text)
}

// create adds an object of kind to the caller's tenant.
func (a *API) create(kind string) func(http.ResponseWriter, *http.Request, *principal) {
	return func(w http.ResponseWriter, r *http.Request, p *principal) {
		body, err := readBody(w, r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid JSON body"})
			return
		}
		writeJSON(w, http.StatusCreated, a.data.create(kind, p.Tenant, body))
	}
}

// update changes the object named by param, if the caller may see it.
func (a *API) update(kind, param string, s scope) func(http.ResponseWriter, *http.Request, *principal) {
	return func(w http.ResponseWriter, r *http.Request, p *principal) {
		id := r.PathValue(param)
		rec, ok := a.data.find(kind, id)
		if !ok || !visible(p, rec, s) {
			notFound(w)
			return
		}
		body, err := readBody(w, r)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid JSON body"})
			return
		}
		rec, _ = a.data.update(kind, id, body)
		writeJSON(w, http.StatusOK, rec)
	}
}

// remove deletes the object named by param, if the caller may see it.
func (a *API) remove(kind, param string, s scope) func(http.ResponseWriter, *http.Request, *principal) {
	return func(w http.ResponseWriter, r *http.Request, p *principal) {
		id := r.PathValue(param)
		rec, ok := a.data.find(kind, id)
		if !ok || !visible(p, rec, s) || !a.data.remove(kind, id) {
			notFound(w)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}
}

// readBody decodes a JSON object body of at most maxBody bytes; an empty
// body is an empty object.
func readBody(w http.ResponseWriter, r *http.Request) (map[string]any, error) {
	body := map[string]any{}
	err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(&body)
	if errors.Is(err, io.EOF) {
		return map[string]any{}, nil
	}
	return body, err
}

// refuse answers a request its guard turned away.
func refuse(w http.ResponseWriter, status int, g guard) {
	if status == http.StatusUnauthorized {
		challenge := `Bearer realm="portal"`
		if g.basic {
			challenge += `, Basic realm="portal exports"`
		}
		w.Header().Set("WWW-Authenticate", challenge)
		writeJSON(w, status, map[string]any{"error": "unauthorized"})
		return
	}
	writeJSON(w, status, map[string]any{"error": "forbidden"})
}

// notFound is the answer to an unknown path, an unknown ID and another
// tenant's object alike.
func notFound(w http.ResponseWriter) {
	writeJSON(w, http.StatusNotFound, map[string]any{"error": "not found"})
}

// writeJSON writes v as the JSON body of a status response.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
