package openapi

import (
	"slices"
	"strings"

	"github.com/launchgate/launchgate/pkg/finding"
	"github.com/launchgate/launchgate/pkg/spec"
)

// isOwnerField reports request field names (folded by normalName) that
// set whom a record belongs to: its owner, user, tenant or account.
func isOwnerField(w string) bool {
	switch w {
	case "ownerid", "userid", "orgid", "organizationid", "organisationid", "tenantid", "accountid",
		"customerid", "workspaceid", "teamid", "companyid":
		return true
	}
	return false
}

// isGrantWord reports route words whose writes name another user on
// purpose: adding a member, sending an invitation, sharing, assigning.
// Who may do that is a question for the route's role, not of ownership.
func isGrantWord(w string) bool {
	switch w {
	case "member", "membership", "invite", "invitation", "participant", "collaborator", "assignee",
		"assign", "assignment", "share", "sharing", "permission", "role", "grant", "transfer",
		"recipient", "impersonate", "impersonation":
		return true
	}
	return false
}

// ownerFields lists the owner or tenant IDs op's request takes: body
// fields at its top level or one level down, and 2.0 form fields.
func (rc *ruleContext) ownerFields(op *spec.Operation) []string {
	var out []string
	add := func(name string) {
		if (isOwnerField(normalName(name)) || rc.cfg.IsTenantParam(name)) && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	for _, f := range op.RequestFields {
		add(f)
	}
	for _, p := range op.Parameters {
		if strings.EqualFold(p.In, "formData") {
			add(p.Name)
		}
	}
	return out
}

// anyTenantField reports whether one of fields names a tenant rather than
// a user: org_id, tenant_id, workspaceId, or a name in tenant_params.
func (rc *ruleContext) anyTenantField(fields []string) bool {
	for _, f := range fields {
		if rc.cfg.IsTenantParam(f) || (tenantNamed(f) && objectIDParam(f)) {
			return true
		}
	}
	return false
}

// tenantInPath returns the path parameter that scopes op to a tenant
// (/organizations/{organization}/…, a name in tenant_params), if any.
func (rc *ruleContext) tenantInPath(op *spec.Operation) (string, bool) {
	for _, s := range pathSegments(op.Path) {
		if s.param && (rc.cfg.IsTenantParam(s.text) || tenantNamed(s.text)) {
			return s.text, true
		}
	}
	return "", false
}

// refusesForeignOwner reports a declared error response that says a
// foreign owner is refused ("403: the owner must be the caller").
func refusesForeignOwner(op *spec.Operation) bool {
	for _, r := range op.Responses {
		if strings.HasPrefix(r.Code, "4") {
			if _, ok := firstIn(splitWords(r.Description), isOwnershipWord); ok {
				return true
			}
		}
	}
	return false
}

// ownerIDInRequestBody reports authenticated writes whose request lets
// the caller say who owns the record (owner_id, user_id, tenant_id…):
// unless the server derives the owner from the credential, a caller
// writes into another user's or tenant's records (mass assignment).
// Admin routes, declared ownership checks and readOnly fields are left
// out; routes that name another user on purpose (members, invitations,
// transfers) are low.
func ownerIDInRequestBody(rc *ruleContext) {
	for _, f := range rc.ops {
		op := f.op
		if !op.TakesBody() || f.auth != authRequired || f.public || rc.cfg.IsAdminPath(op.Path, op.Tags) ||
			tenantScopeExtension(op) || refusesForeignOwner(op) {
			continue
		}
		fields := rc.ownerFields(op)
		if len(fields) == 0 {
			continue
		}
		msg := op.Key() + " takes " + strings.Join(fields, ", ") + " in its request: unless the server sets the owner from the caller's credential, a caller can create or move records into another user's or tenant's account (mass assignment); derive it server-side, or mark the field readOnly"
		r := rc.opReport(ruleOwnerIDInRequestBody, op, msg)
		if w, ok := firstIn(routeWords(op.Path), isGrantWord); ok {
			r = capAt(r, finding.Low)
			r.Message += "; low, since the route (" + w + ") names another user on purpose: check who may call it"
		} else if p, ok := rc.tenantInPath(op); ok && !rc.anyTenantField(fields) {
			r = capAt(r, finding.Low)
			r.Message += "; low, since the path chooses the tenant ({" + p + "}) and the field only picks a user within it: check that a caller may act for that user"
		}
		rc.report(r)
	}
}

// tenantScopeExtension reports whether op sets one of the extensions that
// declare a server-side ownership check.
func tenantScopeExtension(op *spec.Operation) bool {
	for _, ext := range tenantScopeExtensions {
		if v, ok := op.Extensions[ext]; ok && extTruthy(v) {
			return true
		}
	}
	return false
}
