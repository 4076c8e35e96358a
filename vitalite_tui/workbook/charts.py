"""Charts of the Synthèse sheet, drawn by Excel and LibreOffice from the cells beside them."""

from __future__ import annotations

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

#: Rows of the sheet a chart covers (about 8 cm at the default row height).
CHART_ROWS = 17
#: Rows the radar covers: taller, so that its four axes' labels have room.
RADAR_ROWS = 21


def bar_chart(
    sheet: WriteOnlyWorksheet,
    title: str,
    y_title: str,
    *,
    header_row: int,
    last_row: int,
    category_column: int,
    first_column: int,
    last_column: int,
    horizontal: bool = False,
) -> BarChart:
    """Clustered columns: one group per row (its category), one series per column.

    The series are named from `header_row`; the values sit below it, down to `last_row`.
    `horizontal` lays the bars flat, first row on top: for long category names (actions).
    """
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"
    chart.grouping = "clustered"
    chart.title = title
    chart.y_axis.title = y_title
    chart.y_axis.number_format = "0"
    # openpyxl 3.1 marks axes as deleted unless told: Excel would then hide them.
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend.position = "b"
    chart.width = 18
    chart.height = 8
    data = Reference(
        sheet,
        min_col=first_column,
        max_col=last_column,
        min_row=header_row,
        max_row=last_row,
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(sheet, min_col=category_column, min_row=header_row + 1, max_row=last_row)
    )
    return chart


def radar_chart(
    sheet: WriteOnlyWorksheet,
    title: str,
    *,
    header_row: int,
    last_row: int,
    category_column: int,
    value_column: int,
) -> RadarChart:
    """One series on axes from 0 to 100, one axis per row (its category).

    The series is named from `header_row`; the values sit below it, down to `last_row`.
    """
    chart = RadarChart()
    chart.type = "marker"
    chart.title = title
    # Always 0 to 100, so that two exports (or two territories) compare at a glance.
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.y_axis.majorUnit = 20
    chart.y_axis.number_format = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend = None  # one series: its name is the title
    chart.width = 18
    chart.height = 10.5
    data = Reference(sheet, min_col=value_column, min_row=header_row, max_row=last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(sheet, min_col=category_column, min_row=header_row + 1, max_row=last_row)
    )
    return chart
