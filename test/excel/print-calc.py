"""Print an .xlsx to PDF with LibreOffice Calc, fitting the given rows to their text first.

    /usr/bin/python3 print-calc.py IN.xlsx OUT.pdf PROFILE_DIR ROWS

ROWS: 0-based row indexes, comma-separated ("" for none). Excel's `RangeFormat.autofitRows()` makes a
row as tall as its wrapped text; an .xlsx keeps no such request (only heights), and LibreOffice fits
no row on opening one, so `soffice --convert-to pdf` would print those rows one line high. This does
what `--convert-to pdf` does (LibreOffice headless, its own profile in PROFILE_DIR) and sets
`OptimalHeight` on the rows the add-in fitted before exporting. Needs python3-uno.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    source, target, profile, rows = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
    pipe = "fbs-print-%d" % os.getpid()
    office = subprocess.Popen(
        [
            "soffice",
            "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        deadline = time.time() + 90
        while context is None:
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            except NoConnectException:
                if time.time() > deadline or office.poll() is not None:
                    raise SystemExit("print-calc: LibreOffice did not start")
                time.sleep(0.2)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            raise SystemExit("print-calc: LibreOffice could not open " + source)
        sheet = doc.Sheets.getByIndex(0)
        for row in filter(None, rows.split(",")):
            sheet.Rows.getByIndex(int(row)).OptimalHeight = True
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "calc_pdf_Export"),))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down as the office quits
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()


main()
