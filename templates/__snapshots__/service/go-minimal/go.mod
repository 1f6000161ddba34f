module localhost/commerce/cart-pricing

go 1.23.4
