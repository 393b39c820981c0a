"""Compares launchgate's and checkdmarc's verdicts on one domain.

    compare.py LAUNCHGATE_JSON CHECKDMARC_JSON

Prints one row per launchgate dns rule: whether launchgate reported it,
whether checkdmarc's output says the same thing, and whether the two
agree. Then the facts both tools read off the zone (SPF lookups, the all
qualifier, DMARC policy and location, MX hosts), side by side. Rules that
checkdmarc does not check (DKIM, CAA) say so instead of counting as
agreement.
"""

import json
import sys

NOT_CHECKED = None


def spf_all(cd):
    spf = cd.get("spf") or {}
    parsed = spf.get("parsed") or {}
    return parsed.get("all")


def spf_error(cd):
    return ((cd.get("spf") or {}).get("error") or "").lower()


def spf_warnings(cd):
    return " ".join((cd.get("spf") or {}).get("warnings") or []).lower()


def dmarc_tag(cd, tag):
    tags = (cd.get("dmarc") or {}).get("tags") or {}
    return (tags.get(tag) or {}).get("value")


def dmarc_present(cd):
    return bool((cd.get("dmarc") or {}).get("record"))


def checkdmarc_says(cd):
    """What checkdmarc's output says about each launchgate rule."""
    spf = cd.get("spf") or {}
    dmarc = cd.get("dmarc") or {}
    mx = cd.get("mx") or {}
    enforcing = dmarc_tag(cd, "p") in ("quarantine", "reject")
    pct = dmarc_tag(cd, "pct")
    mx_warnings = [w for w in mx.get("warnings") or [] if "reverse dns" not in w.lower()]
    return {
        "dns/spf-missing": "does not exist" in spf_error(cd),
        "dns/spf-multiple-records": "multiple spf" in spf_error(cd),
        "dns/spf-permissive-all": spf_all(cd) in ("pass", "neutral"),
        "dns/spf-too-many-lookups": "dns lookups" in spf_error(cd)
        or "void" in spf_error(cd),
        "dns/spf-invalid": bool(spf.get("record"))
        and spf.get("valid") is False
        and "dns lookups" not in spf_error(cd)
        and "void" not in spf_error(cd),
        "dns/spf-softfail-unenforced": spf_all(cd) == "softfail" and not enforcing,
        "dns/spf-ptr": "ptr mechanism" in spf_warnings(cd),
        "dns/dmarc-missing": not dmarc_present(cd),
        "dns/dmarc-policy-none": dmarc_present(cd)
        and "none" in (dmarc_tag(cd, "p"), dmarc_tag(cd, "sp"), dmarc_tag(cd, "np")),
        "dns/dmarc-partial": enforcing and pct is not None and int(pct) < 100,
        "dns/dmarc-invalid": dmarc_present(cd) and dmarc.get("valid") is False,
        "dns/dmarc-no-reports": dmarc_present(cd) and not dmarc_tag(cd, "rua"),
        "dns/mx-invalid": not mx.get("hosts") or bool(mx_warnings),
        "dns/mta-sts-missing": not (cd.get("mta_sts") or {}).get("valid"),
        "dns/tls-rpt-missing": not (cd.get("smtp_tls_reporting") or {}).get("valid"),
        "dns/dkim-missing": NOT_CHECKED,
        "dns/dkim-weak-key": NOT_CHECKED,
        "dns/caa-missing": NOT_CHECKED,
        "dns/lookup-failed": NOT_CHECKED,
    }


def mark(v):
    if v is NOT_CHECKED:
        return "not checked"
    return "yes" if v else "-"


def launchgate_facts(lg):
    facts = {}
    for ev in lg.get("evidence") or []:
        title = ev.get("title", "")
        lines = ev.get("lines") or []
        if title.startswith("SPF of"):
            facts["SPF lookups"] = title.split(": ", 1)[1].split(" of ")[0]
            top = lines[0] if lines else ""
            facts["SPF all"] = next(
                (t for t in top.split() if t.endswith("all") and len(t) <= 4), "-"
            )
        elif title.startswith("MX of"):
            facts["MX hosts"] = ",".join(l.split()[1] for l in lines if len(l.split()) > 1)
        elif title.startswith("DMARC of"):
            found = [l for l in lines if l.startswith("found at")]
            facts["DMARC at"] = found[0].split()[-1] if found else "-"
            rec = next((l.strip() for l in lines if "v=DMARC1" in l), "")
            tags = dict(
                t.strip().split("=", 1) for t in rec.split(";") if "=" in t
            )
            facts["DMARC p"] = tags.get("p", "-")
            facts["DMARC rua"] = tags.get("rua", "-")
    return facts


QUALIFIERS = {"pass": "+all", "neutral": "?all", "softfail": "~all", "fail": "-all"}


def checkdmarc_facts(cd):
    spf = cd.get("spf") or {}
    dmarc = cd.get("dmarc") or {}
    rua = dmarc_tag(cd, "rua") or []
    rua = ",".join("%s:%s" % (r.get("scheme"), r.get("address")) for r in rua) or "-"
    return {
        "SPF lookups": str(spf.get("dns_lookups", "-")),
        "SPF all": QUALIFIERS.get(spf_all(cd), "-"),
        "MX hosts": ",".join(h["hostname"] for h in (cd.get("mx") or {}).get("hosts") or []),
        "DMARC at": "_dmarc." + dmarc["location"] if dmarc.get("location") else "-",
        "DMARC p": dmarc_tag(cd, "p") or "-",
        "DMARC rua": rua,
    }


def main():
    lg = json.load(open(sys.argv[1]))
    cd = json.load(open(sys.argv[2]))
    fired = {f["rule_id"] for f in lg.get("findings") or []}
    says = checkdmarc_says(cd)
    agree = checked = 0
    print("%-30s %-11s %-11s %s" % ("rule", "launchgate", "checkdmarc", "agree"))
    for rule, cv in says.items():
        lv = rule in fired
        if cv is NOT_CHECKED:
            verdict = "-"
        else:
            checked += 1
            agree += lv == cv
            verdict = "yes" if lv == cv else "NO"
        print("%-30s %-11s %-11s %s" % (rule, mark(lv), mark(cv), verdict))
    print("agreement: %d of %d rules both tools check" % (agree, checked))
    print()
    lf, cf = launchgate_facts(lg), checkdmarc_facts(cd)
    print("%-12s %-40s %s" % ("fact", "launchgate", "checkdmarc"))
    for k in cf:
        print("%-12s %-40s %s" % (k, lf.get(k, "-"), cf[k]))


if __name__ == "__main__":
    main()
