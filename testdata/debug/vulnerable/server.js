const express = require("express");
const { graphqlHTTP } = require("express-graphql");
const schema = require("./schema");

const app = express();

app.use("/graphql", graphqlHTTP({ schema, graphiql: true })); // want "debug/graphql-ide"

app.use((err, req, res, next) => {
  console.error(err.stack);
  res.status(500).json({
    message: err.message,
    stack: err.stack, // want "debug/stack-trace-in-response"
  });
});

app.listen(process.env.PORT || 3000);
