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
// fields at its top level or one level down, and 2.0 form fields; and
// whether the request requires one of them.
func (rc *ruleContext) ownerFields(op *spec.Operation) (fields []string, required bool) {
	add := func(name string, req bool) {
		if (isOwnerField(normalName(name)) || rc.cfg.IsTenantParam(name)) && !slices.Contains(fields, name) {
			fields = append(fields, name)
			required = required || req
		}
	}
	for _, f := range op.RequestFields {
		add(f, slices.Contains(op.RequiredFields, f))
	}
	for _, p := range op.Parameters {
		if strings.EqualFold(p.In, "formData") {
			add(p.Name, p.Required)
		}
	}
	return fields, required
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
// transfers), and owner fields a create (POST) does not require, are low:
// a partial update requires nothing, so there any accepted owner counts.
func ownerIDInRequestBody(rc *ruleContext) {
	for _, f := range rc.ops {
		op := f.op
		if !op.TakesBody() || f.auth != authRequired || f.public || rc.cfg.IsAdminPath(op.Path, op.Tags) ||
			tenantScopeExtension(op) || refusesForeignOwner(op) {
			continue
		}
		fields, required := rc.ownerFields(op)
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
		} else if !required && strings.EqualFold(op.Method, "POST") {
			r = capAt(r, finding.Low)
			r.Message += "; low, since the request does not require it: an API that needs the caller to name the owner requires the field, one that sets the owner itself at most accepts it, so check that the server ignores or verifies it"
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
