/*
 * A Leaflet layer for Mapbox Vector Tiles (MVT, protobuf) served by the service (/tiles/...mvt), drawn on canvas.
 * Written here rather than vendored: the protobuf wire format and the MVT geometry encoding
 * (https://github.com/mapbox/vector-tile-spec/tree/master/2.1) are small, and the WebJars on Maven Central offer
 * no Leaflet vector-tile plugin. Only what the service's tiles use is decoded: string/number/bool values,
 * points and polygons (lines are drawn as lines).
 */
(function () {
    'use strict';

    // ---- protobuf

    function Reader(bytes) {
        this.buf = bytes;
        this.pos = 0;
    }

    Reader.prototype.varint = function () {
        var result = 0;
        var shift = 1;
        var b;
        do {
            b = this.buf[this.pos++];
            result += (b & 0x7f) * shift;
            shift *= 128;
        } while (b >= 0x80);
        return result;
    };

    Reader.prototype.bytes = function () {
        var length = this.varint();
        var start = this.pos;
        this.pos += length;
        return this.buf.subarray(start, start + length);
    };

    Reader.prototype.skip = function (wire) {
        if (wire === 0) {
            this.varint();
        } else if (wire === 1) {
            this.pos += 8;
        } else if (wire === 2) {
            this.pos += this.varint();
        } else if (wire === 5) {
            this.pos += 4;
        } else {
            throw new Error('unknown protobuf wire type ' + wire);
        }
    };

    Reader.prototype.each = function (handle) {
        while (this.pos < this.buf.length) {
            var key = this.varint();
            if (!handle(key >> 3, key & 7)) {
                this.skip(key & 7);
            }
        }
    };

    var utf8 = new TextDecoder('utf-8');

    function zigzag(n) {
        return (n % 2 === 1) ? -(n + 1) / 2 : n / 2;
    }

    function packed(reader) {
        var sub = new Reader(reader.bytes());
        var values = [];
        while (sub.pos < sub.buf.length) {
            values.push(sub.varint());
        }
        return values;
    }

    function value(bytes) {
        var r = new Reader(bytes);
        var result = null;
        r.each(function (field, wire) {
            var view;
            if (field === 1 && wire === 2) {
                result = utf8.decode(r.bytes());
            } else if (field === 2 && wire === 5) {
                view = new DataView(r.buf.buffer, r.buf.byteOffset + r.pos, 4);
                result = view.getFloat32(0, true);
                r.pos += 4;
            } else if (field === 3 && wire === 1) {
                view = new DataView(r.buf.buffer, r.buf.byteOffset + r.pos, 8);
                result = view.getFloat64(0, true);
                r.pos += 8;
            } else if ((field === 4 || field === 5) && wire === 0) {
                result = r.varint();
            } else if (field === 6 && wire === 0) {
                result = zigzag(r.varint());
            } else if (field === 7 && wire === 0) {
                result = r.varint() === 1;
            } else {
                return false;
            }
            return true;
        });
        return result;
    }

    /** {layerName: {extent, features: [{id, type, properties, geometry: [[{x, y}...]...]}]}} */
    function decode(arrayBuffer) {
        var tile = new Reader(new Uint8Array(arrayBuffer));
        var layers = {};
        tile.each(function (field, wire) {
            if (field !== 3 || wire !== 2) {
                return false;
            }
            var r = new Reader(tile.bytes());
            var layer = { name: '', extent: 4096, keys: [], values: [], raw: [] };
            r.each(function (f, w) {
                if (f === 1 && w === 2) {
                    layer.name = utf8.decode(r.bytes());
                } else if (f === 2 && w === 2) {
                    layer.raw.push(r.bytes());
                } else if (f === 3 && w === 2) {
                    layer.keys.push(utf8.decode(r.bytes()));
                } else if (f === 4 && w === 2) {
                    layer.values.push(value(r.bytes()));
                } else if (f === 5 && w === 0) {
                    layer.extent = r.varint();
                } else {
                    return false;
                }
                return true;
            });
            layer.features = layer.raw.map(function (bytes) {
                return feature(bytes, layer);
            });
            delete layer.raw;
            layers[layer.name] = layer;
            return true;
        });
        return layers;
    }

    function feature(bytes, layer) {
        var r = new Reader(bytes);
        var f = { id: null, type: 0, properties: {}, geometry: [] };
        var commands = [];
        r.each(function (field, wire) {
            if (field === 1 && wire === 0) {
                f.id = r.varint();
            } else if (field === 2 && wire === 2) {
                var tags = packed(r);
                for (var i = 0; i + 1 < tags.length; i += 2) {
                    f.properties[layer.keys[tags[i]]] = layer.values[tags[i + 1]];
                }
            } else if (field === 3 && wire === 0) {
                f.type = r.varint();
            } else if (field === 4 && wire === 2) {
                commands = packed(r);
            } else {
                return false;
            }
            return true;
        });
        var x = 0;
        var y = 0;
        var ring = null;
        for (var i = 0; i < commands.length;) {
            var command = commands[i] & 7;
            var count = commands[i] >> 3;
            i += 1;
            if (command === 1 || command === 2) {
                for (var k = 0; k < count; k++) {
                    x += zigzag(commands[i]);
                    y += zigzag(commands[i + 1]);
                    i += 2;
                    if (command === 1) {
                        ring = [];
                        f.geometry.push(ring);
                    }
                    ring.push({ x: x, y: y });
                }
            } else if (command === 7 && ring && ring.length) {
                ring.push(ring[0]);
            }
        }
        return f;
    }

    // ---- the Leaflet layer

    /**
     * options.url: '/tiles/hazards/{z}/{x}/{y}.mvt'; options.style(feature, layerName) → {fill, stroke, weight,
     * opacity, radius, ring} or null to skip; options.onFeatures(count) after each tile; options.onPoint(feature,
     * latlng, style, tileKey), when given, receives point features instead of drawing them on the tile (the layer's
     * 'tileunload' event names the same key, so markers can leave with their tile).
     */
    var VectorTileLayer = L.GridLayer.extend({
        createTile: function (coords, done) {
            var canvas = document.createElement('canvas');
            var size = this.getTileSize();
            var ratio = window.devicePixelRatio || 1;
            canvas.width = size.x * ratio;
            canvas.height = size.y * ratio;
            var layer = this;
            var url = L.Util.template(this.options.url, { z: coords.z, x: coords.x, y: coords.y });
            fetch(url, { credentials: 'same-origin' }).then(function (response) {
                if (response.status === 204) {
                    return null;
                }
                if (!response.ok) {
                    throw new Error('tile ' + response.status);
                }
                return response.arrayBuffer();
            }).then(function (buffer) {
                var count = buffer ? layer._draw(canvas, decode(buffer), size, ratio, coords) : 0;
                layer._drawn = (layer._drawn || 0) + count;
                if (layer.options.onFeatures) {
                    layer.options.onFeatures(layer._drawn);
                }
                done(null, canvas);
            }).catch(function (error) {
                done(error, canvas);
            });
            return canvas;
        },

        _draw: function (canvas, layers, size, ratio, coords) {
            var context = canvas.getContext('2d');
            var style = this.options.style;
            var onPoint = this.options.onPoint;
            var map = this._map;
            var tileKey = this._tileCoordsToKey(coords);
            var count = 0;
            var hits = [];
            Object.keys(layers).forEach(function (name) {
                var layer = layers[name];
                var scale = size.x * ratio / layer.extent;
                layer.features.forEach(function (f) {
                    var s = style(f, name);
                    if (!s) {
                        return;
                    }
                    count += 1;
                    context.lineWidth = (s.weight || 1) * ratio;
                    context.strokeStyle = s.stroke || '#333';
                    context.globalAlpha = s.opacity === undefined ? 1 : s.opacity;
                    if (f.type === 1 && onPoint) {
                        // Points become Leaflet markers (not clipped at the tile's edge, clickable, with tooltips),
                        // each given by the one tile that holds it, not again by a neighbour from its margin.
                        f.geometry.forEach(function (ring) {
                            ring.forEach(function (p) {
                                if (p.x < 0 || p.y < 0 || p.x >= layer.extent || p.y >= layer.extent) {
                                    return;
                                }
                                var pixel = L.point(coords.x * size.x + p.x * scale / ratio, coords.y * size.y + p.y * scale / ratio);
                                onPoint(f, map.unproject(pixel, coords.z), s, tileKey);
                            });
                        });
                        return;
                    }
                    if (f.type === 1) {
                        f.geometry.forEach(function (ring) {
                            ring.forEach(function (p) {
                                var px = p.x * scale;
                                var py = p.y * scale;
                                var radius = (s.radius || 6) * ratio;
                                if (s.ring) {
                                    context.beginPath();
                                    context.arc(px, py, radius + s.ring * ratio, 0, Math.PI * 2);
                                    context.fillStyle = s.ringColour || '#000';
                                    context.fill();
                                }
                                context.beginPath();
                                context.arc(px, py, radius, 0, Math.PI * 2);
                                context.fillStyle = s.fill;
                                context.fill();
                                context.stroke();
                                hits.push({ x: px / ratio, y: py / ratio, r: (radius / ratio) + (s.ring || 0), feature: f });
                            });
                        });
                        return;
                    }
                    context.beginPath();
                    f.geometry.forEach(function (ring) {
                        ring.forEach(function (p, i) {
                            if (i === 0) {
                                context.moveTo(p.x * scale, p.y * scale);
                            } else {
                                context.lineTo(p.x * scale, p.y * scale);
                            }
                        });
                    });
                    if (f.type === 3) {
                        context.fillStyle = s.fill;
                        context.fill();
                        context.globalAlpha = Math.min(1, (s.opacity || 1) + 0.2);
                    }
                    context.stroke();
                });
            });
            context.globalAlpha = 1;
            this._hits = this._hits || {};
            this._hits[coords.z + '/' + coords.x + '/' + coords.y] = hits;
            return count;
        },

        /** The point feature drawn under a click, if any (for household markers). */
        featureAt: function (latlng) {
            var map = this._map;
            var size = this.getTileSize();
            var z = map.getZoom();
            var point = map.project(latlng, z);
            var x = Math.floor(point.x / size.x);
            var y = Math.floor(point.y / size.y);
            var hits = (this._hits || {})[z + '/' + x + '/' + y] || [];
            var local = { x: point.x - x * size.x, y: point.y - y * size.y };
            var best = null;
            hits.forEach(function (hit) {
                var d = Math.hypot(hit.x - local.x, hit.y - local.y);
                if (d <= hit.r + 4 && (!best || d < best.d)) {
                    best = { d: d, feature: hit.feature };
                }
            });
            return best ? best.feature : null;
        }
    });

    window.InochiVectorTiles = {
        decode: decode,
        layer: function (options) {
            return new VectorTileLayer(options);
        }
    };
})();
