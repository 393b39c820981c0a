// Package action is the GitHub Action entrypoint, `launchgate action`: it
// reads the step's inputs and the event that started the workflow, scans
// the checkout (only the lines a pull request adds, when asked) or probes
// a deployment (after masking every credential its identities expand to),
// and reports the way a runner expects — annotations, a launch-readiness
// scorecard in the job summary, step outputs, a SARIF file for code
// scanning and, optionally, one sticky pull-request comment.
//
// Everything the package takes from the process arrives in an Env, so
// tests run a whole simulated runner in process.
package action
