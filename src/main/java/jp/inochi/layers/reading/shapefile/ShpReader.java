package jp.inochi.layers.reading.shapefile;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import jp.inochi.layers.reading.UnreadableFileException;

/**
 * The geometry file of a shapefile (.shp), record by record, after the ESRI Shapefile Technical Description
 * (1998). Points, multipoints, polylines and polygons, with their Z and M variants (Z and M are dropped).
 * Polygon rings are assembled as the specification says: clockwise rings are outer rings, counter-clockwise rings
 * are holes of the outer ring that contains them.
 */
final class ShpReader implements Closeable {
    private static final int FILE_CODE = 9994;

    record Shape(Geometry geometry, String note) {
    }

    private final String fileName;
    private final DataInputStream in;
    private final GeometryFactory factory = new GeometryFactory();
    private final int shapeType;

    ShpReader(Path file, String fileName) throws IOException {
        this.fileName = fileName;
        this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        try {
            byte[] header = new byte[100];
            in.readFully(header);
            ByteBuffer buffer = ByteBuffer.wrap(header);
            if (buffer.order(ByteOrder.BIG_ENDIAN).getInt(0) != FILE_CODE) {
                throw new UnreadableFileException(fileName + " はシェープファイル（.shp）ではありません（先頭の識別子が違います）");
            }
            shapeType = buffer.order(ByteOrder.LITTLE_ENDIAN).getInt(32);
        } catch (EOFException e) {
            in.close();
            throw new UnreadableFileException(fileName + " のヘッダーが途中で終わっています", e);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    int shapeType() {
        return shapeType;
    }

    /** The next record's shape, or null at the end of the file. */
    Shape next(long number) throws IOException {
        byte[] recordHeader = new byte[8];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        recordHeader[0] = (byte) first;
        try {
            in.readFully(recordHeader, 1, 7);
            int contentBytes = ByteBuffer.wrap(recordHeader).order(ByteOrder.BIG_ENDIAN).getInt(4) * 2;
            if (contentBytes < 4 || contentBytes > 512 * 1024 * 1024) {
                throw new UnreadableFileException(fileName + " の " + number + "番目の図形の長さが正しくありません");
            }
            byte[] content = new byte[contentBytes];
            in.readFully(content);
            return shape(ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN), number);
        } catch (EOFException e) {
            throw new UnreadableFileException(fileName + " が " + number + "番目の図形の途中で終わっています", e);
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new UnreadableFileException(fileName + " の " + number + "番目の図形のデータが壊れています", e);
        }
    }

    private Shape shape(ByteBuffer b, long number) {
        int type = b.getInt(0);
        switch (type) {
            case 0:
                return new Shape(null, "空の図形（Null Shape）です");
            case 1, 11, 21:
                return new Shape(factory.createPoint(new Coordinate(b.getDouble(4), b.getDouble(12))), null);
            case 8, 18, 28: {
                int count = b.getInt(36);
                Point[] points = new Point[count];
                for (int i = 0; i < count; i++) {
                    points[i] = factory.createPoint(new Coordinate(b.getDouble(40 + 16 * i), b.getDouble(48 + 16 * i)));
                }
                return new Shape(factory.createMultiPoint(points), null);
            }
            case 3, 13, 23:
                return lines(b);
            case 5, 15, 25:
                return polygons(b);
            default:
                return new Shape(null, "この図形の種類（" + type + "）には対応していません");
        }
    }

    private List<Coordinate[]> parts(ByteBuffer b) {
        int numParts = b.getInt(36);
        int numPoints = b.getInt(40);
        int pointsAt = 44 + 4 * numParts;
        List<Coordinate[]> parts = new ArrayList<>(numParts);
        for (int part = 0; part < numParts; part++) {
            int from = b.getInt(44 + 4 * part);
            int to = part + 1 < numParts ? b.getInt(44 + 4 * (part + 1)) : numPoints;
            if (from < 0 || to > numPoints || to < from) {
                throw new IndexOutOfBoundsException("part " + part);
            }
            Coordinate[] coordinates = new Coordinate[to - from];
            for (int i = from; i < to; i++) {
                coordinates[i - from] = new Coordinate(b.getDouble(pointsAt + 16 * i), b.getDouble(pointsAt + 16 * i + 8));
            }
            parts.add(coordinates);
        }
        return parts;
    }

    private Shape lines(ByteBuffer b) {
        List<LineString> lines = new ArrayList<>();
        for (Coordinate[] part : parts(b)) {
            if (part.length >= 2) {
                lines.add(factory.createLineString(part));
            }
        }
        if (lines.isEmpty()) {
            return new Shape(null, "線に点がありません");
        }
        return new Shape(lines.size() == 1 ? lines.get(0) : factory.createMultiLineString(lines.toArray(LineString[]::new)), null);
    }

    private Shape polygons(ByteBuffer b) {
        List<String> notes = new ArrayList<>();
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        for (Coordinate[] part : parts(b)) {
            Coordinate[] ring = part;
            if (ring.length > 0 && !ring[0].equals2D(ring[ring.length - 1])) {
                ring = java.util.Arrays.copyOf(ring, ring.length + 1);
                ring[ring.length - 1] = ring[0].copy();
                notes.add("閉じていないリングを閉じました");
            }
            if (ring.length < 4) {
                notes.add("点が4点未満のリングを除きました");
                continue;
            }
            LinearRing linear = factory.createLinearRing(ring);
            if (Orientation.isCCW(ring)) {
                holes.add(linear);
            } else {
                shells.add(linear);
            }
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            holesOf.add(new ArrayList<>());
        }
        for (LinearRing hole : holes) {
            int owner = -1;
            double ownerArea = Double.MAX_VALUE;
            Coordinate probe = hole.getCoordinateN(0);
            for (int i = 0; i < shells.size(); i++) {
                LinearRing shell = shells.get(i);
                if (shell.getEnvelopeInternal().contains(hole.getEnvelopeInternal())
                        && PointLocation.isInRing(probe, shell.getCoordinates())) {
                    double area = shell.getEnvelopeInternal().getArea();
                    if (area < ownerArea) {
                        owner = i;
                        ownerArea = area;
                    }
                }
            }
            if (owner < 0) {
                // A counter-clockwise ring inside no outer ring: GDAL and QGIS read it as an outer ring too.
                shells.add(factory.createLinearRing(hole.getCoordinates()));
                holesOf.add(new ArrayList<>());
                notes.add("外側のリングに含まれない反時計回りのリングを外側のリングとして読みました");
            } else {
                holesOf.get(owner).add(hole);
            }
        }
        if (shells.isEmpty()) {
            return new Shape(null, "ポリゴンに外側のリングがありません");
        }
        Polygon[] polygons = new Polygon[shells.size()];
        for (int i = 0; i < shells.size(); i++) {
            polygons[i] = factory.createPolygon(shells.get(i), holesOf.get(i).toArray(LinearRing[]::new));
        }
        Geometry geometry = polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
        return new Shape(geometry, notes.isEmpty() ? null : String.join("、", notes.stream().distinct().toList()));
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
