package action

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/launchgate/launchgate/pkg/report"
)

// maxSummaryBytes is GitHub's limit on one step's job summary.
const maxSummaryBytes = report.MaxMarkdownBytes

// maxCommentBytes is GitHub's limit on a comment body, less room for the
// marker.
const maxCommentBytes = 65536 - 512

// scorecard renders the launch-readiness scorecard for res, with finding
// locations linked to the scanned commit and a closing line, footer, that
// says what was scanned or probed. When the full table would not fit in limit bytes it
// lists fewer findings rather than cutting the markdown mid-table.
func scorecard(res *report.Result, linkBase, footer string, limit int) (string, error) {
	rows := report.DefaultMarkdownRows
	for {
		var b strings.Builder
		md := report.MarkdownReporter{MaxRows: rows, LinkBase: linkBase}
		if err := md.Write(&b, res); err != nil {
			return "", err
		}
		if footer != "" {
			fmt.Fprintf(&b, "\n<sub>%s.</sub>\n", footer)
		}
		if b.Len() <= limit || rows <= 1 {
			return b.String(), nil
		}
		rows /= 2
	}
}

// blobBase is the URL prefix of files at commit sha in the repository,
// "" when the event does not say where the repository lives.
func blobBase(ev *Event) string {
	if ev.ServerURL == "" || ev.Owner == "" || ev.Repo == "" || !isCommitID(ev.HeadSHA()) {
		return ""
	}
	return fmt.Sprintf("%s/%s/%s/blob/%s/", ev.ServerURL, url.PathEscape(ev.Owner), url.PathEscape(ev.Repo), ev.HeadSHA())
}
