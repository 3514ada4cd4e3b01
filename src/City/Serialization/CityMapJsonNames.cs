namespace Governance.City.Serialization;

/// <summary>
/// Property names of the stored city, shared by writer and reader. The document is
/// <c>{"format":1,"name","cellSize","origin":[lat,lon],"refLat","areas":[…],"rivers":[…],"cells":[…]}</c>;
/// an area is <c>{"c":code,"n":name,"l":level,"p":parent?,"b":shape?}</c>; a cell is
/// <c>{"a":area,"x":column,"y":row,"o":[lat,lon],"m2":area,"g":shape?,"e":elevation?,"d":river distance?}</c>.
/// A shape is polygons → rings → [lat, lon, lat, lon, …]; a river is one such flat list. A cell's code is not
/// stored (it follows from area, column and row) and neither is the shape of a whole grid square (most cells).
/// </summary>
internal static class CityMapJsonNames
{
    public const int CurrentFormat = 1;

    public static ReadOnlySpan<byte> Format => "format"u8;

    public static ReadOnlySpan<byte> Name => "name"u8;

    public static ReadOnlySpan<byte> CellSize => "cellSize"u8;

    public static ReadOnlySpan<byte> Origin => "origin"u8;

    public static ReadOnlySpan<byte> ReferenceLatitude => "refLat"u8;

    public static ReadOnlySpan<byte> Areas => "areas"u8;

    public static ReadOnlySpan<byte> Rivers => "rivers"u8;

    public static ReadOnlySpan<byte> Cells => "cells"u8;

    public static ReadOnlySpan<byte> AreaCode => "c"u8;

    public static ReadOnlySpan<byte> AreaName => "n"u8;

    public static ReadOnlySpan<byte> AreaLevel => "l"u8;

    public static ReadOnlySpan<byte> AreaParent => "p"u8;

    public static ReadOnlySpan<byte> AreaBoundary => "b"u8;

    public static ReadOnlySpan<byte> CellArea => "a"u8;

    public static ReadOnlySpan<byte> CellColumn => "x"u8;

    public static ReadOnlySpan<byte> CellRow => "y"u8;

    public static ReadOnlySpan<byte> CellCentroid => "o"u8;

    public static ReadOnlySpan<byte> CellSquareMeters => "m2"u8;

    public static ReadOnlySpan<byte> CellShape => "g"u8;

    public static ReadOnlySpan<byte> CellElevation => "e"u8;

    public static ReadOnlySpan<byte> CellRiverDistance => "d"u8;
}
