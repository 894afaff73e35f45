-- Everything spatial is stored in JGD2011 longitude/latitude (EPSG:6668), the datum of Japanese public data.
CREATE EXTENSION IF NOT EXISTS postgis;
