module localhost/catalog/stock-reservations

go 1.23.4
