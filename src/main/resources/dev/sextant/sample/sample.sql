-- Sextant's built-in sample: "Northwind Outfitters", a small marine-equipment shop.
-- Every value is computed from row numbers, so the sample is the same on every machine.

CREATE TABLE REGIONS (
    ID INTEGER PRIMARY KEY,
    CODE CHAR(2) NOT NULL UNIQUE,
    NAME CHARACTER VARYING(60) NOT NULL
);
COMMENT ON TABLE REGIONS IS 'Sales regions customers belong to';

INSERT INTO REGIONS VALUES
 (1, 'NO', 'Nordics'), (2, 'UK', 'British Isles'), (3, 'BE', 'Benelux'), (4, 'DE', 'Central Europe'),
 (5, 'FR', 'France'), (6, 'IB', 'Iberia'), (7, 'IT', 'Italy'), (8, 'GR', 'Greece and Balkans'),
 (9, 'US', 'North America'), (10, 'BR', 'South America'), (11, 'AU', 'Oceania'), (12, 'JP', 'East Asia');

CREATE TABLE CUSTOMERS (
    ID BIGINT PRIMARY KEY,
    REGION_ID INTEGER NOT NULL,
    FULL_NAME CHARACTER VARYING(120) NOT NULL,
    EMAIL CHARACTER VARYING(160),
    SIGNED_UP_ON DATE NOT NULL,
    IS_BUSINESS BOOLEAN NOT NULL,
    CREDIT_LIMIT NUMERIC(12, 2),
    NOTES CHARACTER VARYING(400),
    CONSTRAINT FK_CUSTOMERS_REGION FOREIGN KEY (REGION_ID) REFERENCES REGIONS (ID)
);
COMMENT ON TABLE CUSTOMERS IS 'People and companies who order from the shop';
COMMENT ON COLUMN CUSTOMERS.CREDIT_LIMIT IS 'Only business customers have a credit limit; NULL for private customers';
COMMENT ON COLUMN CUSTOMERS.NOTES IS 'Free text from the sales team; mostly empty';

INSERT INTO CUSTOMERS
SELECT X,
       1 + MOD(X * 7, 12),
       ARRAY['Ada', 'Bjorn', 'Chiara', 'Dmitri', 'Elin', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas',
             'Kaia', 'Luca', 'Maren', 'Nikos', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sven', 'Tomas'][1 + MOD(X, 20)]
         || ' ' ||
       ARRAY['Andersen', 'Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haugen', 'Ivanova',
             'Jensen', 'Kowalski', 'Larsen', 'Moreau', 'Novak', 'Olsen', 'Petrov', 'Rossi', 'Silva',
             'Tanaka', 'Weber', 'Yilmaz', 'Zhang', 'Lund'][1 + MOD(X * 13, 23)],
       CASE WHEN MOD(X, 17) = 0 THEN NULL ELSE 'customer' || X || '@example.com' END,
       DATEADD(DAY, MOD(X * 37, 2200), DATE '2019-01-01'),
       MOD(X, 5) = 0,
       CASE WHEN MOD(X, 5) = 0 THEN CAST(1000 + MOD(X * 91, 49000) AS NUMERIC(12, 2)) ELSE NULL END,
       CASE WHEN MOD(X, 41) = 0 THEN 'Prefers delivery before noon'
            WHEN MOD(X, 43) = 0 THEN 'NULL' -- the text NULL, to tell apart from a real NULL
            ELSE NULL END
FROM SYSTEM_RANGE(1, 5000);

CREATE TABLE SUPPLIERS (
    ID INTEGER PRIMARY KEY,
    NAME CHARACTER VARYING(100) NOT NULL,
    COUNTRY CHARACTER VARYING(60) NOT NULL,
    CONTACT_EMAIL CHARACTER VARYING(160),
    RATING NUMERIC(3, 1)
);
COMMENT ON TABLE SUPPLIERS IS 'Manufacturers and wholesalers the shop buys from';

INSERT INTO SUPPLIERS
SELECT X,
       ARRAY['Polaris', 'Meridian', 'Tidewater', 'Keel & Co', 'Harbourline', 'Bluefin', 'Anchorage',
             'Northstar'][1 + MOD(X, 8)] || ' ' || ARRAY['Marine', 'Supply', 'Works', 'Trading', 'Nautical'][1 + MOD(X, 5)],
       ARRAY['Norway', 'United Kingdom', 'Netherlands', 'Germany', 'Italy', 'United States', 'Japan'][1 + MOD(X * 3, 7)],
       'orders@supplier' || X || '.example.com',
       CASE WHEN MOD(X, 9) = 0 THEN NULL ELSE CAST(2.5 + MOD(X * 7, 26) / 10.0 AS NUMERIC(3, 1)) END
FROM SYSTEM_RANGE(1, 40);

CREATE TABLE CATEGORIES (
    ID INTEGER PRIMARY KEY,
    PARENT_ID INTEGER,
    NAME CHARACTER VARYING(60) NOT NULL,
    DESCRIPTION CHARACTER VARYING(200),
    CONSTRAINT FK_CATEGORIES_PARENT FOREIGN KEY (PARENT_ID) REFERENCES CATEGORIES (ID)
);
COMMENT ON TABLE CATEGORIES IS 'Product categories; a category may have a parent';

INSERT INTO CATEGORIES VALUES
 (1, NULL, 'Navigation', 'Instruments for finding your way'),
 (2, 1, 'Compasses', 'Hand-bearing and steering compasses'),
 (3, 1, 'Sextants', 'Celestial navigation instruments'),
 (4, 1, 'Charts', 'Paper charts and chart plotters'),
 (5, NULL, 'Safety', 'Equipment that keeps crews safe'),
 (6, 5, 'Life jackets', NULL),
 (7, 5, 'Flares', 'Hand-held and parachute flares'),
 (8, NULL, 'Rigging', 'Ropes, blocks and shackles'),
 (9, 8, 'Ropes', NULL),
 (10, 8, 'Blocks', NULL),
 (11, NULL, 'Electronics', 'Radios, radar and sensors'),
 (12, 11, 'VHF radios', NULL),
 (13, 11, 'Sensors', 'Wind, depth and speed sensors'),
 (14, NULL, 'Clothing', 'Foul-weather gear'),
 (15, 14, 'Jackets', NULL),
 (16, 14, 'Boots', NULL);

CREATE TABLE PRODUCTS (
    ID INTEGER PRIMARY KEY,
    CATEGORY_ID INTEGER NOT NULL,
    SUPPLIER_ID INTEGER NOT NULL,
    SKU CHARACTER VARYING(20) NOT NULL,
    NAME CHARACTER VARYING(120) NOT NULL,
    UNIT_PRICE NUMERIC(10, 2) NOT NULL,
    WEIGHT_KG DOUBLE PRECISION,
    DISCONTINUED BOOLEAN DEFAULT FALSE NOT NULL,
    ATTRIBUTES CHARACTER VARYING(400),
    CHECKSUM BINARY VARYING(32),
    CREATED_AT TIMESTAMP NOT NULL,
    CONSTRAINT FK_PRODUCTS_CATEGORY FOREIGN KEY (CATEGORY_ID) REFERENCES CATEGORIES (ID),
    CONSTRAINT FK_PRODUCTS_SUPPLIER FOREIGN KEY (SUPPLIER_ID) REFERENCES SUPPLIERS (ID)
);
COMMENT ON TABLE PRODUCTS IS 'Everything the shop sells';
COMMENT ON COLUMN PRODUCTS.ATTRIBUTES IS 'JSON text with colour, size and material';
COMMENT ON COLUMN PRODUCTS.CHECKSUM IS 'SHA-256 of the SKU, as stored by the catalogue system';
CREATE UNIQUE INDEX UX_PRODUCTS_SKU ON PRODUCTS (SKU);
COMMENT ON INDEX UX_PRODUCTS_SKU IS 'Looks up products by the code printed on their labels';

INSERT INTO PRODUCTS
SELECT X,
       ARRAY[2, 3, 4, 6, 7, 9, 10, 12, 13, 15, 16][1 + MOD(X, 11)],
       1 + MOD(X * 11, 40),
       'NWO-' || LPAD(CAST(X AS VARCHAR), 5, '0'),
       ARRAY['Classic', 'Offshore', 'Coastal', 'Pro', 'Compact', 'Storm', 'Regatta', 'Explorer'][1 + MOD(X * 3, 8)]
         || ' ' ||
       ARRAY['hand compass', 'sextant', 'chart set', 'life jacket', 'flare kit', 'dyneema rope', 'ratchet block',
             'VHF radio', 'wind sensor', 'sailing jacket', 'deck boots'][1 + MOD(X, 11)]
         || ' ' || (1 + MOD(X, 9)),
       CAST(9.5 + MOD(X * 7919, 90000) / 100.0 AS NUMERIC(10, 2)),
       CASE WHEN MOD(X, 13) = 0 THEN NULL ELSE 0.1 + MOD(X * 31, 500) / 37.0 END,
       MOD(X, 19) = 0,
       CASE WHEN MOD(X, 7) = 0 THEN NULL ELSE
         '{"colour": "' || ARRAY['navy', 'red', 'yellow', 'white', 'black', 'orange'][1 + MOD(X, 6)]
         || '", "size": "' || ARRAY['S', 'M', 'L', 'XL', 'one size'][1 + MOD(X * 5, 5)]
         || '", "waterproof": ' || CASE WHEN MOD(X, 2) = 0 THEN 'true' ELSE 'false' END || '}' END,
       HASH('SHA-256', STRINGTOUTF8('NWO-' || LPAD(CAST(X AS VARCHAR), 5, '0'))),
       DATEADD(MINUTE, X * 1499, TIMESTAMP '2020-03-01 09:00:00')
FROM SYSTEM_RANGE(1, 600);

CREATE TABLE ORDERS (
    ID BIGINT PRIMARY KEY,
    CUSTOMER_ID BIGINT NOT NULL,
    ORDERED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
    STATUS CHARACTER VARYING(12) NOT NULL,
    CHANNEL CHARACTER VARYING(12) NOT NULL,
    SHIPPED_ON DATE,
    TOTAL NUMERIC(12, 2),
    CONSTRAINT FK_ORDERS_CUSTOMER FOREIGN KEY (CUSTOMER_ID) REFERENCES CUSTOMERS (ID),
    CONSTRAINT CK_ORDERS_STATUS CHECK (STATUS IN ('NEW', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'RETURNED'))
);
COMMENT ON TABLE ORDERS IS 'One row per checkout';
COMMENT ON COLUMN ORDERS.ORDERED_AT IS 'When the customer checked out, in the shop''s local time with its offset';
COMMENT ON COLUMN ORDERS.SHIPPED_ON IS 'NULL until the order leaves the warehouse';
CREATE INDEX IX_ORDERS_CUSTOMER ON ORDERS (CUSTOMER_ID);
CREATE INDEX IX_ORDERS_ORDERED_AT ON ORDERS (ORDERED_AT);

INSERT INTO ORDERS (ID, CUSTOMER_ID, ORDERED_AT, STATUS, CHANNEL, SHIPPED_ON)
SELECT X,
       1 + MOD(X * 7907, 5000),
       DATEADD(MINUTE, X * 53, TIMESTAMP WITH TIME ZONE '2022-01-01 08:00:00+01:00'),
       ARRAY['DELIVERED', 'DELIVERED', 'DELIVERED', 'SHIPPED', 'PAID', 'NEW', 'CANCELLED', 'RETURNED'][1 + MOD(X * 3, 8)],
       ARRAY['web', 'web', 'phone', 'store', 'marketplace'][1 + MOD(X, 5)],
       CASE WHEN MOD(X * 3, 8) < 4 OR MOD(X * 3, 8) = 7
            THEN CAST(DATEADD(DAY, 1 + MOD(X, 4), DATEADD(MINUTE, X * 53, TIMESTAMP '2022-01-01 08:00:00')) AS DATE)
            ELSE NULL END
FROM SYSTEM_RANGE(1, 30000);

CREATE TABLE ORDER_ITEMS (
    ORDER_ID BIGINT NOT NULL,
    LINE_NO SMALLINT NOT NULL,
    PRODUCT_ID INTEGER NOT NULL,
    QUANTITY INTEGER NOT NULL,
    UNIT_PRICE NUMERIC(10, 2) NOT NULL,
    DISCOUNT NUMERIC(4, 2)
);
COMMENT ON TABLE ORDER_ITEMS IS 'The lines of each order: four per order, 120,000 in all';
COMMENT ON COLUMN ORDER_ITEMS.DISCOUNT IS 'Fraction taken off the unit price, e.g. 0.15; NULL when none';
INSERT INTO ORDER_ITEMS
SELECT 1 + (X - 1) / 4,
       1 + MOD(X - 1, 4),
       1 + MOD(X * 389, 600),
       1 + MOD(X * 7, 6),
       CAST(9.5 + MOD((1 + MOD(X * 389, 600)) * 7919, 90000) / 100.0 AS NUMERIC(10, 2)),
       CASE WHEN MOD(X, 6) = 0 THEN 0.10 WHEN MOD(X, 23) = 0 THEN 0.25 ELSE NULL END
FROM SYSTEM_RANGE(1, 120000);
-- Keys and indexes are added after the bulk insert: checking them once is much faster than per row.
ALTER TABLE ORDER_ITEMS ADD PRIMARY KEY (ORDER_ID, LINE_NO);
ALTER TABLE ORDER_ITEMS ADD CONSTRAINT FK_ORDER_ITEMS_ORDER FOREIGN KEY (ORDER_ID) REFERENCES ORDERS (ID);
ALTER TABLE ORDER_ITEMS ADD CONSTRAINT FK_ORDER_ITEMS_PRODUCT FOREIGN KEY (PRODUCT_ID) REFERENCES PRODUCTS (ID);
COMMENT ON CONSTRAINT FK_ORDER_ITEMS_PRODUCT IS 'Products cannot be deleted while order lines refer to them';
CREATE INDEX IX_ORDER_ITEMS_PRODUCT ON ORDER_ITEMS (PRODUCT_ID);

UPDATE ORDERS o SET TOTAL = (
    SELECT CAST(SUM(i.QUANTITY * i.UNIT_PRICE * (1 - COALESCE(i.DISCOUNT, 0))) AS NUMERIC(12, 2))
    FROM ORDER_ITEMS i WHERE i.ORDER_ID = o.ID);

CREATE TABLE SHIPMENTS (
    ID BIGINT PRIMARY KEY,
    ORDER_ID BIGINT NOT NULL,
    CARRIER CHARACTER VARYING(40) NOT NULL,
    TRACKING_CODE CHARACTER VARYING(30) NOT NULL,
    SHIPPED_AT TIMESTAMP NOT NULL,
    DELIVERED_AT TIMESTAMP,
    CONSTRAINT FK_SHIPMENTS_ORDER FOREIGN KEY (ORDER_ID) REFERENCES ORDERS (ID)
);
COMMENT ON TABLE SHIPMENTS IS 'Parcels handed to carriers';
CREATE UNIQUE INDEX UX_SHIPMENTS_TRACKING ON SHIPMENTS (TRACKING_CODE);

INSERT INTO SHIPMENTS
SELECT ROW_NUMBER() OVER (ORDER BY o.ID),
       o.ID,
       ARRAY['PostNord', 'DHL', 'UPS', 'Bring', 'DPD'][1 + MOD(o.ID, 5)],
       'TRK' || LPAD(CAST(o.ID * 7 AS VARCHAR), 10, '0'),
       CAST(o.SHIPPED_ON AS TIMESTAMP) + INTERVAL '10' HOUR,
       CASE WHEN o.STATUS IN ('DELIVERED', 'RETURNED')
            THEN CAST(o.SHIPPED_ON AS TIMESTAMP) + INTERVAL '2' DAY + INTERVAL '14' HOUR ELSE NULL END
FROM ORDERS o WHERE o.SHIPPED_ON IS NOT NULL;

CREATE TABLE PRODUCT_REVIEWS (
    ID BIGINT PRIMARY KEY,
    PRODUCT_ID INTEGER NOT NULL,
    CUSTOMER_ID BIGINT NOT NULL,
    RATING SMALLINT NOT NULL,
    TITLE CHARACTER VARYING(120),
    BODY CHARACTER LARGE OBJECT,
    CREATED_AT TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT FK_REVIEWS_PRODUCT FOREIGN KEY (PRODUCT_ID) REFERENCES PRODUCTS (ID),
    CONSTRAINT FK_REVIEWS_CUSTOMER FOREIGN KEY (CUSTOMER_ID) REFERENCES CUSTOMERS (ID),
    CONSTRAINT CK_REVIEWS_RATING CHECK (RATING BETWEEN 1 AND 5)
);
COMMENT ON TABLE PRODUCT_REVIEWS IS 'What customers wrote about products';

INSERT INTO PRODUCT_REVIEWS
SELECT X,
       1 + MOD(X * 17, 600),
       1 + MOD(X * 29, 5000),
       1 + MOD(X * X, 5),
       ARRAY['Does the job', 'Excellent build quality', 'Arrived late', 'Better than expected',
             'Not waterproof', 'Would buy again', NULL][1 + MOD(X, 7)],
       CASE WHEN MOD(X, 3) = 0 THEN NULL
            ELSE 'Used it for ' || (1 + MOD(X, 30)) || ' days on the water. '
                 || ARRAY['Solid and simple.', 'The strap broke after a week.', 'Accurate and easy to read.',
                          'Good value for the price.'][1 + MOD(X, 4)] END,
       DATEADD(HOUR, X * 7, TIMESTAMP WITH TIME ZONE '2022-02-01 12:00:00+00:00')
FROM SYSTEM_RANGE(1, 8000);
CREATE INDEX IX_REVIEWS_PRODUCT ON PRODUCT_REVIEWS (PRODUCT_ID);

CREATE SEQUENCE INVOICE_NUMBERS START WITH 100001 INCREMENT BY 1;
COMMENT ON SEQUENCE INVOICE_NUMBERS IS 'Numbers for invoices not yet issued';

CREATE VIEW ORDER_SUMMARY AS
SELECT o.ID AS ORDER_ID, c.FULL_NAME AS CUSTOMER, r.NAME AS REGION, o.ORDERED_AT, o.STATUS, o.TOTAL,
       (SELECT COUNT(*) FROM ORDER_ITEMS i WHERE i.ORDER_ID = o.ID) AS LINES
FROM ORDERS o
JOIN CUSTOMERS c ON c.ID = o.CUSTOMER_ID
JOIN REGIONS r ON r.ID = c.REGION_ID;
COMMENT ON TABLE ORDER_SUMMARY IS 'Orders with customer and region names';

CREATE SCHEMA ANALYTICS;
COMMENT ON SCHEMA ANALYTICS IS 'Reporting views over the shop tables';

CREATE VIEW ANALYTICS.MONTHLY_REVENUE AS
SELECT EXTRACT(YEAR FROM o.ORDERED_AT) AS ORDER_YEAR, EXTRACT(MONTH FROM o.ORDERED_AT) AS ORDER_MONTH,
       COUNT(*) AS ORDERS, SUM(o.TOTAL) AS REVENUE
FROM PUBLIC.ORDERS o
WHERE o.STATUS NOT IN ('CANCELLED', 'RETURNED')
GROUP BY EXTRACT(YEAR FROM o.ORDERED_AT), EXTRACT(MONTH FROM o.ORDERED_AT);
COMMENT ON TABLE ANALYTICS.MONTHLY_REVENUE IS 'Revenue per calendar month, without cancelled and returned orders';

CREATE VIEW ANALYTICS.TOP_PRODUCTS AS
SELECT p.SKU, p.NAME, SUM(i.QUANTITY) AS UNITS_SOLD, AVG(CAST(r.RATING AS DOUBLE PRECISION)) AS AVG_RATING
FROM PUBLIC.PRODUCTS p
JOIN PUBLIC.ORDER_ITEMS i ON i.PRODUCT_ID = p.ID
LEFT JOIN (SELECT PRODUCT_ID, AVG(RATING) AS RATING FROM PUBLIC.PRODUCT_REVIEWS GROUP BY PRODUCT_ID) r
       ON r.PRODUCT_ID = p.ID
GROUP BY p.SKU, p.NAME;

CREATE ALIAS ANALYTICS.CUBE_ROOT FOR 'java.lang.Math.cbrt';
COMMENT ON ALIAS ANALYTICS.CUBE_ROOT IS 'Cube root, e.g. for volume-to-size estimates';
