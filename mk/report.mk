# mk/report.mk - `make report-bench`: the HTML report of a generated batch
# of 100,000 letters in headless Chromium (tests/reports/run.sh with
# REPORT_N=100000; `make test` runs it with 20,000). Figures, report and
# screenshot in build/test-output/reports/.
.PHONY: report-bench
report-bench: all
	@REPORT_N=$${REPORT_N:-100000} sh tests/reports/run.sh
